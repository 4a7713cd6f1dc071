#include "engine/messages/ssl2/probe.h"

#include <algorithm>
#include <string>

#include "engine/messages/ssl2/client_hello.h"
#include "engine/messages/ssl2/server_hello.h"
#include "engine/record/ssl2_record.h"
#include "engine/registry/handshake_type.h"

namespace gauntlet {

Result<Bytes> ssl2_probe_client_hello(ByteView challenge) {
  if (challenge.size() < 16 || challenge.size() > 32) {
    return internal_error("CLIENT-HELLO challenge must be 16 to 32 bytes");
  }
  Ssl2ClientHello hello{ProtocolVersion::ssl2, {}, {}, Bytes(challenge.begin(), challenge.end())};
  for (const Ssl2CipherKindInfo& info : all_ssl2_cipher_kinds()) {
    hello.cipher_specs.push_back(info.kind);
  }
  Result<Bytes> message = hello.serialize();
  if (!message) return message.error();
  Result<Bytes> record = write_ssl2_header(message->size(), 0);
  if (!record) return record.error();
  record->insert(record->end(), message->begin(), message->end());
  return record;
}

Result<std::optional<Ssl2ProbeSummary>> summarize_ssl2_reply(ByteView reply) {
  uint8_t first = 0;
  if (!Reader(reply).peek_u8(first)) return std::optional<Ssl2ProbeSummary>{};
  if ((first & 0x80) == 0) return std::optional<Ssl2ProbeSummary>{Ssl2ProbeSummary{}};
  Reader in(reply);
  auto record = read_ssl2_record(in);
  if (!record) return record.error();
  if (!record->has_value()) return std::optional<Ssl2ProbeSummary>{};
  const ByteView message = (*record)->body;
  uint8_t type = 0;
  if (!Reader(message).peek_u8(type)) return decode_error("empty SSLv2 record");
  Ssl2ProbeSummary summary;
  if (type == static_cast<uint8_t>(Ssl2MessageType::error)) {
    auto error = Ssl2Error::parse(message);
    if (!error) return error.error();
    summary.answer = Ssl2ProbeAnswer::error_message;
    summary.error = error->code;
    return std::optional<Ssl2ProbeSummary>{summary};
  }
  if (type != static_cast<uint8_t>(Ssl2MessageType::server_hello)) {
    return decode_error("SSLv2 reply is " + iana_name(static_cast<Ssl2MessageType>(type)) +
                        ", not SERVER-HELLO or ERROR");
  }
  auto hello = Ssl2ServerHello::parse(message);
  if (!hello) return hello.error();
  summary.answer = Ssl2ProbeAnswer::server_hello;
  summary.version = hello->version;
  summary.cipher_kinds = hello->cipher_specs;
  summary.export_kinds = std::ranges::any_of(summary.cipher_kinds, [](Ssl2CipherKind kind) {
    const Ssl2CipherKindInfo* info = ssl2_cipher_kind_info(kind);
    return info && info->export40();
  });
  return std::optional<Ssl2ProbeSummary>{summary};
}

}  // namespace gauntlet
