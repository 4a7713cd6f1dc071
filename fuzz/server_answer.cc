// A server's answer to a probe hello (`gauntlet scan`), the bytes it sends
// as they arrive: the first input byte is the size of the pieces they come
// in (0: all at once). Oracle: the reader decides on the same answer however
// the bytes are cut, and a ServerHello it kept serializes back to itself.
// And a peer that echoes our SSL 2.0 probe (its challenge the input's first
// 16 bytes) is not taken for an SSL 2.0 server.
#include "conformance/profile/server_answer.h"
#include "fuzz/oracle.h"

namespace {

gauntlet::conformance::Answer read_in_pieces(gauntlet::ByteView bytes, size_t piece) {
  gauntlet::conformance::AnswerReader reader;
  while (!bytes.empty()) {
    const size_t n = std::min(piece, bytes.size());
    if (auto answer = reader.add(bytes.first(n))) return *answer;
    bytes = bytes.subspan(n);
  }
  return reader.end(gauntlet::conformance::Closed{});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gauntlet;
  if (size == 0) return 0;
  const ByteView bytes(data + 1, size - 1);
  const size_t piece = data[0] == 0 ? bytes.size() + 1 : data[0];
  const conformance::Answer answer = read_in_pieces(bytes, piece);
  const conformance::Answer whole = read_in_pieces(bytes, bytes.size() + 1);
  if (answer.index() != whole.index()) fuzz::oracle_failed();
  if (bytes.size() >= 16) {
    auto probe = ssl2_probe_client_hello(bytes.first(16));
    if (!probe) fuzz::oracle_failed();
    const conformance::Answer echo = read_in_pieces(*probe, piece);
    if (!std::holds_alternative<conformance::NotTls>(echo)) fuzz::oracle_failed();
  }
  if (const auto* f = std::get_if<conformance::FirstFlight>(&answer)) {
    auto body = f->hello.serialize();
    if (!body) fuzz::oracle_failed();
    auto again = ServerHello::parse(*body);
    if (!again || !(*again == f->hello)) fuzz::oracle_failed();
  }
  return 0;
}
