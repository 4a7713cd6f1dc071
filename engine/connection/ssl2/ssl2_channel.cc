#include "engine/connection/ssl2/ssl2_channel.h"

#include <array>
#include <utility>

#include "engine/base/alert.h"
#include "engine/connection/ssl2/ssl2_client.h"
#include "engine/connection/ssl2/ssl2_server.h"

namespace gauntlet {
namespace {

// SSL 2.0 spec §2.7 and the failures each code names.
constexpr std::array<std::pair<Ssl2ErrorCode, AlertDescription>, 4> kErrors{{
    {Ssl2ErrorCode::no_cipher, AlertDescription::handshake_failure},
    {Ssl2ErrorCode::no_certificate, AlertDescription::no_certificate},
    {Ssl2ErrorCode::bad_certificate, AlertDescription::bad_certificate},
    {Ssl2ErrorCode::unsupported_certificate_type, AlertDescription::unsupported_certificate},
}};

}  // namespace

AlertDescription ssl2_error_alert(Ssl2ErrorCode code) {
  for (const auto& [c, a] : kErrors)
    if (c == code) return a;
  return AlertDescription::handshake_failure;
}

std::optional<Ssl2ErrorCode> ssl2_error_code(AlertDescription alert) {
  for (const auto& [c, a] : kErrors)
    if (a == alert) return c;
  return std::nullopt;
}

Ssl2Channel::Ssl2Channel(std::unique_ptr<Ssl2Handshake> hs) : hs_(std::move(hs)) {}
Ssl2Channel::~Ssl2Channel() = default;

std::unique_ptr<Ssl2Channel> Ssl2Channel::client() {
  return std::unique_ptr<Ssl2Channel>(new Ssl2Channel(std::make_unique<Ssl2ClientHandshake>()));
}

Status Ssl2Channel::start(Link& link) {
  Ssl2Link l{link, records_};
  return hs_->send_flight(l);
}

std::unique_ptr<Ssl2Channel> Ssl2Channel::server() {
  return std::unique_ptr<Ssl2Channel>(new Ssl2Channel(std::make_unique<Ssl2ServerHandshake>()));
}

std::string Ssl2Channel::progress() const { return hs_ ? hs_->progress() : "established"; }

Status Ssl2Channel::receive(Link& link, ByteView bytes, Bytes& app_in) {
  records_.feed(bytes);
  if (const auto alert = records_.tls_alert_first()) {
    peer_alert_ = *alert;
    return Error{*alert, "peer answered in TLS with the alert " + iana_name(*alert)};
  }
  while (true) {
    auto data = records_.read();
    if (!data) return data.error();
    if (!data->has_value()) return ok_status();
    if (!hs_) {
      // After SERVER-FINISHED every record is application data (§2.2).
      app_in.insert(app_in.end(), (*data)->begin(), (*data)->end());
      continue;
    }
    if (auto st = on_handshake_record(link, **data); !st) return st;
  }
}

Status Ssl2Channel::on_handshake_record(Link& link, ByteView message) {
  Ssl2Link l{link, records_};
  if (!message.empty() && message[0] == static_cast<uint8_t>(Ssl2MessageType::error)) {
    auto error = Ssl2Error::parse(message);
    if (!error) return error.error();
    if (!hs_->recovers_from(l, error->code)) {
      peer_alert_ = ssl2_error_alert(error->code);
      return Error{ssl2_error_alert(error->code),
                   "peer sent SSL 2.0 ERROR " + std::to_string(static_cast<int>(error->code))};
    }
    if (auto st = hs_->send_flight(l); !st) return st;
  } else if (auto st = hs_->receive(l, message); !st) {
    return st;
  }
  if (hs_->done()) {
    hs_->finish(l);
    hs_.reset();
  }
  return ok_status();
}

Status Ssl2Channel::write(Link& link, ByteView data) {
  if (hs_) return internal_error("SSL 2.0 write before the handshake completed");
  return records_.write(link.records, data);
}

void Ssl2Channel::send_error(Link& link, AlertDescription why) {
  if (const auto code = ssl2_error_code(why)) {
    (void)records_.write(link.records, Ssl2Error{*code}.serialize());
  }
}

}  // namespace gauntlet
