#include "engine/record/protection_stream.h"

#include "engine/record/protection_null.h"

namespace gauntlet {

Result<Bytes> StreamProtection::seal(ContentType type, ProtocolVersion version,
                                     ByteView plaintext) {
  if (Status s = check_plaintext_size(plaintext.size(), true); !s) return s.error();
  auto seq = seq_.take();
  if (!seq) return seq.error();
  Bytes out = mac_suffixed(mac_, *seq, type, version, plaintext);
  cipher_.process(out, out);
  return out;
}

Result<OpenedRecord> StreamProtection::open(ContentType type, ProtocolVersion version,
                                            ByteView fragment) {
  if (Status s = check_ciphertext_size(fragment); !s) return s.error();
  auto seq = seq_.take();
  if (!seq) return seq.error();
  Bytes data(fragment.size());
  cipher_.process(fragment, data);
  return open_mac_suffixed(mac_, *seq, type, version, std::move(data));
}

}  // namespace gauntlet
