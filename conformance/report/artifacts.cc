#include "conformance/report/artifacts.h"

#include <pcap/pcap.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "engine/base/writer.h"
#include "engine/crypto/keys.h"

namespace gauntlet::conformance {

namespace {

constexpr uint32_t kClientAddress = 0x0a000001;  // 10.0.0.1
constexpr uint32_t kServerAddress = 0x0a000002;  // 10.0.0.2
constexpr uint16_t kServerPort = 443;
constexpr size_t kSegment = 1400;
constexpr uint8_t kSyn = 0x02, kPshAck = 0x18, kAck = 0x10, kSynAck = 0x12;

uint16_t ip_checksum(ByteView header) {
  uint32_t sum = 0;
  Reader r(header);
  uint16_t word = 0;
  while (r.u16(word)) sum += word;
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return static_cast<uint16_t>(~sum);
}

// One synthetic TCP connection: the three-way handshake, then segments.
class TcpStream {
 public:
  TcpStream(pcap_dumper_t* out, int index, long& clock)
      : out_(out), client_port_(static_cast<uint16_t>(40000 + index)), time_(clock) {}

  void open() {
    packet(true, kSyn, {});
    packet(false, kSynAck, {});
    ++seq_[0];
    ++seq_[1];
    packet(true, kAck, {});
  }
  void data(bool from_client, ByteView bytes) {
    for (size_t off = 0; off < bytes.size(); off += kSegment) {
      const ByteView piece = bytes.subspan(off, std::min(kSegment, bytes.size() - off));
      packet(from_client, kPshAck, piece);
      seq_[from_client ? 0 : 1] += static_cast<uint32_t>(piece.size());
    }
  }

 private:
  void packet(bool from_client, uint8_t flags, ByteView payload) {
    Writer tcp;
    tcp.u16(from_client ? client_port_ : kServerPort);
    tcp.u16(from_client ? kServerPort : client_port_);
    tcp.u32(seq_[from_client ? 0 : 1]);
    tcp.u32(flags == kSyn ? 0 : seq_[from_client ? 1 : 0]);
    tcp.u8(5 << 4);  // 20-byte header
    tcp.u8(flags);
    tcp.u16(65535);  // window
    tcp.u16(0);      // checksum: Wireshark does not check it by default
    tcp.u16(0);
    tcp.bytes(payload);
    const Bytes segment = tcp.take();
    Writer ip;
    ip.u8(0x45);
    ip.u8(0);
    ip.u16(static_cast<uint16_t>(20 + segment.size()));
    ip.u16(0);
    ip.u16(0x4000);  // don't fragment
    ip.u8(64);
    ip.u8(6);  // TCP
    ip.u16(0);
    ip.u32(from_client ? kClientAddress : kServerAddress);
    ip.u32(from_client ? kServerAddress : kClientAddress);
    Bytes header = ip.take();
    const uint16_t sum = ip_checksum(header);
    Writer with_sum;
    with_sum.bytes(ByteView(header).first(10));
    with_sum.u16(sum);
    with_sum.bytes(ByteView(header).subspan(12));
    Bytes frame = with_sum.take();
    frame.insert(frame.end(), segment.begin(), segment.end());
    pcap_pkthdr h{};
    h.ts.tv_sec = 1800000000 + time_ / 1000;
    h.ts.tv_usec = (time_ % 1000) * 1000;
    ++time_;
    h.caplen = h.len = static_cast<bpf_u_int32>(frame.size());
    pcap_dump(reinterpret_cast<u_char*>(out_), &h, frame.data());
  }

  pcap_dumper_t* out_;
  uint16_t client_port_;
  uint32_t seq_[2] = {1000, 5000};  // client, server
  long& time_;  // milliseconds since the capture began, shared by the streams
};

Status write_pcap(const std::string& path, const CaseResult& r) {
  pcap_t* dead = pcap_open_dead(DLT_RAW, 65535);
  if (!dead) return internal_error("libpcap: pcap_open_dead failed");
  pcap_dumper_t* out = pcap_dump_open(dead, path.c_str());
  if (!out) {
    const std::string why = pcap_geterr(dead);
    pcap_close(dead);
    return internal_error("cannot write " + path + ": " + why);
  }
  std::map<int, TcpStream> streams;
  long clock = 0;
  for (const WireChunk& chunk : r.wire) {
    auto [it, fresh] = streams.try_emplace(chunk.connection, out, chunk.connection, clock);
    if (fresh) it->second.open();
    it->second.data(chunk.to_sut == r.scripted_client, chunk.bytes);
  }
  pcap_dump_close(out);
  pcap_close(dead);
  return ok_status();
}

}  // namespace

std::string artifact_name(const std::string& case_id) {
  std::string out;
  for (const char c : case_id) {
    if (c == '/' || c == '[' || c == ',') out += '_';
    else if (c != ']') out += c;
  }
  return out;
}

Status write_artifacts(const std::string& dir, const CaseResult& r) {
  const std::filesystem::path base = std::filesystem::path(dir) / r.target;
  std::error_code ec;
  std::filesystem::create_directories(base, ec);
  if (ec) return internal_error("cannot create " + base.string() + ": " + ec.message());
  const std::string stem = (base / artifact_name(r.id)).string();
  if (auto st = write_pcap(stem + ".pcap", r); !st) return st;
  std::filesystem::remove(stem + ".keys", ec);  // a rerun's key log starts afresh
  auto keys = open_secret_file(stem + ".keys");
  if (!keys) return keys.error();
  for (const auto& line : r.keylog) std::fprintf(keys->get(), "%s\n", line.c_str());
  std::ofstream text(stem + ".txt");
  text << r.id << " against " << r.target << ": " << verdict_name(r.verdict) << "\n"
       << r.where.to_string() << " (" << r.rfc << ")\n"
       << (r.rule.empty() ? "" : "the RFC: " + r.rule + "\n") << r.reason << "\n\n";
  for (const auto& line : r.transcript) text << line << "\n";
  if (!r.sut_log.empty()) text << "\n--- the SUT's output\n" << r.sut_log;
  if (!keys || !text) return internal_error("cannot write " + stem + ".keys/.txt");
  return ok_status();
}

}  // namespace gauntlet::conformance
