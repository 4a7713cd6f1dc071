#include "engine/record/protection_null.h"

#include "engine/crypto/constant_time.h"

namespace gauntlet {

Result<OpenedRecord> open_mac_suffixed(const RecordMac& mac, uint64_t seq, ContentType type,
                                       ProtocolVersion version, Bytes data) {
  if (data.size() < mac.size()) return bad_record_mac("record shorter than its MAC");
  const size_t length = data.size() - mac.size();
  const ByteView received = ByteView(data).subspan(length);
  if (!ct_equal(mac.compute(seq, type, version, ByteView(data).first(length)), received)) {
    return bad_record_mac("record MAC does not verify");
  }
  if (Status s = check_plaintext_size(length, false); !s) return s.error();
  data.resize(length);
  return OpenedRecord{type, std::move(data)};
}

Bytes mac_suffixed(const RecordMac& mac, uint64_t seq, ContentType type, ProtocolVersion version,
                   ByteView plaintext) {
  Bytes out(plaintext.begin(), plaintext.end());
  const Bytes tag = mac.compute(seq, type, version, plaintext);
  out.insert(out.end(), tag.begin(), tag.end());
  return out;
}

Result<Bytes> NullProtection::seal(ContentType type, ProtocolVersion version, ByteView plaintext) {
  if (Status s = check_plaintext_size(plaintext.size(), true); !s) return s.error();
  auto seq = seq_.take();
  if (!seq) return seq.error();
  return mac_suffixed(mac_, *seq, type, version, plaintext);
}

Result<OpenedRecord> NullProtection::open(ContentType type, ProtocolVersion version,
                                          ByteView fragment) {
  if (Status s = check_ciphertext_size(fragment); !s) return s.error();
  auto seq = seq_.take();
  if (!seq) return seq.error();
  return open_mac_suffixed(mac_, *seq, type, version, Bytes(fragment.begin(), fragment.end()));
}

}  // namespace gauntlet
