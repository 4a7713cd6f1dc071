// `record`: a record of our choosing — its type, its body (`body` hex,
// `data` text, or `size` bytes of `fill`), its header `version` — sealed by
// our record layer (the MAC or AEAD additional data covering that version),
// or `raw: true`: unprotected. A sealed one can be built to order:
// `mac: flipped` (the MAC or tag, the padding right); CBC `padding: N` (as
// many padding bytes as fit in N; TLS 1.3: N zero bytes after the inner
// type, which `type` names, 0 included), `padding_length` (the length byte as
// written), `padding_fill` (every padding byte), `flip_padding:
// first|last|N` (that padding byte wrong); `explicit_nonce` (hex: a CBC
// record's explicit IV, an AES-GCM or CCM record's nonce_explicit); `keys:
// early`: under the TLS 1.3 0-RTT keys (steps/early_keys.h).
#include <cstdio>

#include "conformance/steps/early_keys.h"
#include "engine/record/record_header.h"

namespace gauntlet::conformance {

RecordStep RecordStep::parse(const YamlReader& r, const YAML::Node& v) {
  r.require_map(v, "'record'");
  r.only_keys(v, {"type", "body", "data", "size", "fill", "raw", "version", "repeat", "mac", "padding",
                  "padding_length", "padding_fill", "flip_padding", "explicit_nonce", "keys",
                  "expect", "accept"});
  if (!v["type"]) r.fail(v, "'record' needs a 'type'");
  RecordStep s;
  s.type = r.wire_or_named(v["type"], &content_type_from_name, "content type", 0xff);
  if (v["body"]) s.body = r.hex(v["body"]);
  if (v["data"]) {
    const std::string d = r.text(v["data"]);
    s.body.assign(d.begin(), d.end());
  }
  if (v["size"]) {
    s.body.assign(r.integer(v["size"], 1 << 20),
                  static_cast<uint8_t>(v["fill"] ? r.integer(v["fill"], 0xff) : 0));
  }
  if (v["raw"]) s.raw = r.boolean(v["raw"]);
  if (v["version"]) s.version = static_cast<uint16_t>(r.integer(v["version"], 0xffff));
  if (v["mac"]) {
    if (r.text(v["mac"]) != "flipped") r.fail(v["mac"], "'mac' is 'flipped'");
    s.shape.flip_mac = true;
  }
  if (v["padding"]) s.shape.padding = r.integer(v["padding"], kMaxTls13Ciphertext);
  const auto byte = [&r](const YAML::Node& n) { return static_cast<uint8_t>(r.integer(n, 255)); };
  if (v["padding_length"]) s.shape.padding_length = byte(v["padding_length"]);
  if (v["padding_fill"]) s.shape.padding_fill = byte(v["padding_fill"]);
  if (const auto f = v["flip_padding"]) {
    const std::string at = r.text(f);
    s.shape.flip_padding_at =
        at == "first" ? 0 : at == "last" ? -1 : static_cast<int>(r.integer(f, 254));
  }
  if (v["explicit_nonce"]) s.shape.explicit_nonce = r.hex(v["explicit_nonce"]);
  if (s.raw && s.shape.any()) r.fail(v, "a raw record has no MAC, padding or nonce to shape");
  s.early_keys = read_early_keys(r, v);
  s.joins_flight = joins_the_flight(s.early_keys, v);
  if (s.raw && s.early_keys) r.fail(v, "a raw record has no keys");
  // Past 2^14 only TLS 1.3's records built to order seal (RFC 8446 §5.2's
  // record_overflow cases).
  if (s.body.size() > (s.raw ? 0xffff : kMaxTls13Ciphertext)) {
    r.fail(v, "a record body holds at most 2^14+256 bytes, or 65535 when raw");
  }
  if (v["repeat"]) s.repeat = static_cast<int>(r.integer(v["repeat"], 10000));
  s.expect = read_expectation(r, v, Expect::Kind::nothing);
  return s;
}

namespace {

// What a record built to order departs in, for the transcript.
std::string describe_shape(const SealShape& s) {
  std::string out;
  if (s.flip_mac) out += ", MAC flipped";
  if (s.padding) out += ", padding of at most " + std::to_string(*s.padding) + " bytes";
  if (s.padding_length) out += ", padding_length byte " + std::to_string(*s.padding_length);
  if (s.padding_fill) out += ", padding bytes " + std::to_string(*s.padding_fill);
  if (s.flip_padding_at) {
    const int at = *s.flip_padding_at;
    out += at < 0 ? ", last padding byte flipped"
                  : ", padding byte #" + std::to_string(at) + " flipped";
  }
  if (s.explicit_nonce) {
    out += ", our own " + std::to_string(s.explicit_nonce->size()) + "-byte explicit IV or nonce";
  }
  return out;
}

std::string describe_version(std::optional<uint16_t> v) {
  if (!v) return "";
  char hex[7];
  std::snprintf(hex, sizeof hex, "0x%04x", *v);
  return std::string(", version ") + hex;
}

}  // namespace

std::string RecordStep::describe() const {
  return std::string(raw ? "raw " : "") + iana_name(type) + " record of " +
         std::to_string(body.size()) + " bytes" + describe_version(version) + describe_shape(shape) +
         (repeat > 1 ? " x" + std::to_string(repeat) : "") +
         (early_keys ? std::string(kUnderEarlyKeys) : "") +
         (joins_flight ? std::string(kWithTheFlight) : expecting(expect));
}

Judgement RecordStep::run(StepContext& ctx) const {
  if (early_keys && !early_keys_ready(ctx)) return {Verdict::pass, ""};
  Connection& c = ctx.connection();
  for (int i = 0; i < repeat; ++i) {
    if (raw) {
      // Raw bytes go straight to the wire, ahead of a hello not yet sent.
      if (ctx.handshake_started()) (void)ctx.flush();
      const uint16_t v = version.value_or(static_cast<uint16_t>(
          c.handshake_done() ? c.negotiated().version : ProtocolVersion::tls10));
      if (auto st = ctx.send_raw(write_record(type, static_cast<ProtocolVersion>(v), body)); !st) {
        return {Verdict::fail, st.error().reason};
      }
    } else if (shape.any() || version || body.size() > kMaxPlaintext) {
      // A shape this suite cannot take (padding under AEAD, a nonce under
      // ChaCha20) is the scenario's mistake, never the SUT's.
      const auto v = version ? std::optional(static_cast<ProtocolVersion>(*version)) : std::nullopt;
      if (auto st = c.send_shaped_record(type, body, shape, v); !st) {
        return {Verdict::error, "could not build the record: " + st.error().reason};
      }
    } else if (auto st = c.send_record(type, body); !st) {
      return {Verdict::fail, "could not seal the record: " + st.error().reason};
    }
  }
  if (joins_flight) return {Verdict::pass, ""};
  return ctx.answer(expect);
}

}  // namespace gauntlet::conformance
