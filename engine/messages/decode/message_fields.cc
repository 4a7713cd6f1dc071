#include "engine/messages/decode/message_fields.h"

#include <string>

#include "engine/crypto/x509.h"
#include "engine/messages/handshake/certificate.h"
#include "engine/messages/handshake/certificate_request.h"
#include "engine/messages/handshake/certificate_verify.h"
#include "engine/messages/handshake/client_hello.h"
#include "engine/messages/handshake/client_key_exchange.h"
#include "engine/messages/handshake/new_session_ticket.h"
#include "engine/messages/handshake/server_hello.h"
#include "engine/messages/handshake/server_key_exchange.h"

namespace gauntlet {
namespace {

template <typename... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <typename... F>
Overloaded(F...) -> Overloaded<F...>;  // clang 14 lacks aggregate CTAD

template <typename E>
void add_list(Field& parent, const char* name, const std::vector<E>& values) {
  Field& list = parent.add(name, std::to_string(values.size()));
  for (E v : values) list.add(iana_name(v));
}

void add_body(Field& f, const ExtensionBody& body) {
  std::visit(
      Overloaded{
          [&](const ServerNameList& b) {
            for (const auto& n : b.host_names) f.add("host_name", n);
          },
          [&](const SupportedGroups& b) { add_list(f, "named_group_list", b.values); },
          [&](const SignatureAlgorithms& b) { add_list(f, "supported_signature_algorithms", b.values); },
          [&](const SignatureAlgorithmsCert& b) {
            add_list(f, "supported_signature_algorithms", b.values);
          },
          [&](const EcPointFormats& b) { add_list(f, "ec_point_format_list", b.values); },
          [&](const SupportedVersionsList& b) { add_list(f, "versions", b.versions); },
          [&](const SelectedVersion& b) { f.value = iana_name(b.version); },
          [&](const Alpn& b) {
            for (const auto& p : b.protocols) f.add("protocol_name", p);
          },
          [&](const ClientKeyShares& b) {
            for (const auto& s : b.shares) f.add(iana_name(s.group), hex_string(s.key_exchange));
          },
          [&](const ServerKeyShare& b) {
            f.add(iana_name(b.share.group), hex_string(b.share.key_exchange));
          },
          [&](const KeyShareHelloRetry& b) { f.value = iana_name(b.selected_group); },
          [&](const RenegotiationInfo& b) {
            f.value = "renegotiated_connection " + hex_string(b.renegotiated_connection);
          },
          [&](const MaxFragmentLength& b) {
            f.value = std::to_string(1u << (8 + b.code)) + " bytes";
          },
          [&](const RecordSizeLimit& b) { f.value = std::to_string(b.limit); },
          [&](const Padding& b) { f.value = std::to_string(b.length) + " zero bytes"; },
          [&](const auto& b) {
            Writer w;
            b.serialize(w);
            f.value = hex_string(w.data());
          },
      },
      body);
}

std::optional<KeyExchangeForm> form_of(const DecodeContext& c) {
  if (!c.suite) return std::nullopt;
  const CipherSuiteInfo* info = cipher_suite_info(*c.suite);
  return info ? key_exchange_form(info->key_exchange) : std::nullopt;
}

void add_signed(Field& f, const DigitallySigned& d) {
  if (d.scheme) f.add("signature_algorithm", iana_name(*d.scheme));
  f.add("signature", std::to_string(d.signature.size()) + " bytes");
}

// Each message's fields; an Error when its body does not parse.
Status add_fields(Field& f, const HandshakeMessage& m, DecodeContext& c) {
  const ByteView body = m.body;
  switch (m.type) {
    case HandshakeType::client_hello: {
      auto h = ClientHello::parse(body);
      if (!h) return h.error();
      f.add("client_version", iana_name(h->legacy_version));
      f.add("random", hex_string(h->random));
      f.add("session_id", hex_string(h->session_id));
      add_list(f, "cipher_suites", h->cipher_suites);
      add_list(f, "compression_methods", h->compression_methods);
      if (h->extensions) add_extensions(f, *h->extensions);
      return ok_status();
    }
    case HandshakeType::server_hello: {
      auto h = ServerHello::parse(body);
      if (!h) return h.error();
      c.version = h->legacy_version;
      c.suite = h->cipher_suite;
      f.add("server_version", iana_name(h->legacy_version));
      f.add("random", hex_string(h->random));
      f.add("session_id", hex_string(h->session_id));
      f.add("cipher_suite", iana_name(h->cipher_suite));
      f.add("compression_method", iana_name(h->compression_method));
      if (h->is_hello_retry_request()) f.value += " (HelloRetryRequest)";
      if (h->extensions) add_extensions(f, *h->extensions);
      return ok_status();
    }
    case HandshakeType::certificate: {
      auto cert = CertificateMessage::parse(body);
      if (!cert) return cert.error();
      for (const Bytes& der : cert->certificate_list) {
        auto parsed = Certificate::from_der(der);
        f.add("certificate", parsed ? parsed->subject() : std::to_string(der.size()) +
                                                               " bytes, not X.509: " +
                                                               parsed.error().reason);
      }
      return ok_status();
    }
    case HandshakeType::server_key_exchange: {
      const KeyExchangeForm form = form_of(c).value_or(KeyExchangeForm::ecdhe);
      auto ske = ServerKeyExchange::parse(body, form, c.version);
      if (!ske) return ske.error();
      if (const auto* dh = std::get_if<ServerDhParams>(&ske->params)) {
        f.add("dh_p", std::to_string(dh->p.size() * 8) + " bits");
        f.add("dh_g", hex_string(dh->g));
        f.add("dh_Ys", hex_string(dh->ys));
      } else {
        const auto& ec = std::get<ServerEcdhParams>(ske->params);
        f.add("named_curve", iana_name(ec.group));
        f.add("point", hex_string(ec.point));
      }
      add_signed(f, ske->signed_params);
      return ok_status();
    }
    case HandshakeType::certificate_request: {
      auto cr = CertificateRequest::parse(body, c.version);
      if (!cr) return cr.error();
      add_list(f, "certificate_types", cr->certificate_types);
      if (cr->supported_signature_algorithms) {
        add_list(f, "supported_signature_algorithms", *cr->supported_signature_algorithms);
      }
      f.add("certificate_authorities", std::to_string(cr->certificate_authorities.size()));
      return ok_status();
    }
    case HandshakeType::certificate_verify: {
      auto cv = CertificateVerify::parse(body, c.version);
      if (!cv) return cv.error();
      add_signed(f, cv->signature);
      return ok_status();
    }
    case HandshakeType::client_key_exchange: {
      auto form = form_of(c);
      if (!form) {
        f.add("exchange_keys", hex_string(body) + " (key exchange unknown: no ServerHello seen)");
        return ok_status();
      }
      auto cke = ClientKeyExchange::parse(body, *form, c.version);
      if (!cke) return cke.error();
      f.add("exchange_keys", hex_string(cke->exchange_keys));
      return ok_status();
    }
    case HandshakeType::new_session_ticket: {
      auto t = NewSessionTicket::parse(body);
      if (!t) return t.error();
      f.add("ticket_lifetime_hint", std::to_string(t->ticket_lifetime_hint));
      f.add("ticket", std::to_string(t->ticket.size()) + " bytes");
      return ok_status();
    }
    case HandshakeType::hello_request:
    case HandshakeType::server_hello_done:
      if (!body.empty()) return decode_error(iana_name(m.type) + ": trailing bytes");
      return ok_status();
    default:
      f.add("body", hex_string(body));
      return ok_status();
  }
}

}  // namespace

void add_extensions(Field& parent, const Extensions& extensions) {
  Field& list = parent.add("extensions", std::to_string(extensions.list.size()));
  for (const Extension& e : extensions.list) add_body(list.add(iana_name(e.type)), e.body);
}

Field message_field(const HandshakeMessage& message, DecodeContext& context) {
  Field f{openssl_name(message.type), std::to_string(message.body.size()) + " bytes", {}, {}, {}};
  if (Status s = add_fields(f, message, context); !s) f.error = s.error().to_string();
  return f;
}

}  // namespace gauntlet
