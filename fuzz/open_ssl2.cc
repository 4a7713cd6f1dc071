// Opening an SSL 2.0 record (SSL 2.0 spec §1.1–1.2): the selector byte picks
// the clear form or a cipher kind (fixed_keys.h); the rest is one record,
// header included, the first of its direction (sequence number 0). Oracle:
// data that opens, sealed again in the header form it came in (when it fits
// one record of that form), opens to the same data.
#include "fuzz/crypto/fixed_keys.h"
#include "fuzz/oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  using fuzzing::fixed_ssl2_protection;
  fuzz::Selected in;
  if (!fuzz::select(data, size, in)) return 0;
  const auto& variants = fuzzing::ssl2_variants();
  const std::optional<Ssl2CipherKind> kind = variants[in.selector % variants.size()];
  Reader r(in.rest);
  auto record = read_ssl2_record(r);
  if (!record || !*record) return 0;
  auto opened = fixed_ssl2_protection(kind, CipherDirection::decrypt).open(**record);
  if (!opened) return 0;

  Ssl2RecordProtection sealer = fixed_ssl2_protection(kind, CipherDirection::encrypt);
  const Ssl2HeaderForm form = (*record)->form;
  if (opened->empty() || opened->size() > sealer.max_data(form)) return 0;
  auto sealed = sealer.seal(*opened, form);
  if (!sealed) fuzz::oracle_failed();
  Reader again_in(*sealed);
  auto again_record = read_ssl2_record(again_in);
  if (!again_record || !*again_record) fuzz::oracle_failed();
  auto again = fixed_ssl2_protection(kind, CipherDirection::decrypt).open(**again_record);
  if (!again || *again != *opened) fuzz::oracle_failed();
  return 0;
}
