#include "engine/record/protection_stream.h"

#include "engine/crypto/constant_time.h"
#include "engine/record/record_header.h"

namespace gauntlet {

Result<Bytes> StreamProtection::seal(ContentType type, ProtocolVersion version,
                                     ByteView plaintext) {
  if (plaintext.size() > kMaxPlaintext) return internal_error("plaintext over 2^14 bytes");
  auto seq = seq_.take();
  if (!seq) return seq.error();
  Bytes out(plaintext.begin(), plaintext.end());
  const Bytes mac = mac_.compute(*seq, type, version, plaintext);
  out.insert(out.end(), mac.begin(), mac.end());
  if (cipher_) cipher_->process(out, out);
  return out;
}

Result<OpenedRecord> StreamProtection::open(ContentType type, ProtocolVersion version,
                                            ByteView fragment) {
  auto seq = seq_.take();
  if (!seq) return seq.error();
  if (fragment.size() < mac_.size()) {
    return Error{AlertDescription::bad_record_mac, "record shorter than its MAC"};
  }
  Bytes data(fragment.begin(), fragment.end());
  if (cipher_) cipher_->process(data, data);
  const size_t length = data.size() - mac_.size();
  const ByteView received = ByteView(data).subspan(length);
  if (!ct_equal(mac_.compute(*seq, type, version, ByteView(data).first(length)), received)) {
    return Error{AlertDescription::bad_record_mac, "record MAC does not verify"};
  }
  if (length > kMaxPlaintext) {
    return Error{AlertDescription::record_overflow, "plaintext over 2^14 bytes"};
  }
  data.resize(length);
  return OpenedRecord{type, std::move(data)};
}

}  // namespace gauntlet
