#include "engine/connection/ssl2/ssl2_order.h"

#include <array>

#include "engine/connection/ssl2/ssl2_client.h"
#include "engine/connection/ssl2/ssl2_server.h"

namespace gauntlet {
namespace {

using C = Ssl2ClientHandshake;
using S = Ssl2ServerHandshake;
using M = Ssl2MessageType;
using Cond = Ssl2Condition;

// SSL 2.0 spec appendix C. The client sends CLIENT-MASTER-KEY and
// CLIENT-FINISHED in one flight; the server answers SERVER-VERIFY once it has
// both (the spec lets it send SERVER-VERIFY earlier, which a client cannot
// tell apart), then may ask for a certificate before SERVER-FINISHED.
constexpr std::array<Ssl2OrderRow, 8> kRows{{
    {Role::client, M::client_hello, Cond::always, {&C::write_client_hello, nullptr},
     {nullptr, &S::on_client_hello}},
    {Role::server, M::server_hello, Cond::always, {nullptr, &C::on_server_hello},
     {&S::write_server_hello, nullptr}},
    {Role::client, M::client_master_key, Cond::new_session, {&C::write_client_master_key, nullptr},
     {nullptr, &S::on_client_master_key}},
    {Role::client, M::client_finished, Cond::always, {&C::write_client_finished, nullptr},
     {nullptr, &S::on_client_finished}},
    {Role::server, M::server_verify, Cond::always, {nullptr, &C::on_server_verify},
     {&S::write_server_verify, nullptr}},
    {Role::server, M::request_certificate, Cond::client_certificate,
     {nullptr, &C::on_request_certificate}, {&S::write_request_certificate, nullptr}},
    {Role::client, M::client_certificate, Cond::client_certificate,
     {&C::write_client_certificate, nullptr}, {nullptr, &S::on_client_certificate}},
    {Role::server, M::server_finished, Cond::always, {nullptr, &C::on_server_finished},
     {&S::write_server_finished, nullptr}},
}};

}  // namespace

std::span<const Ssl2OrderRow> ssl2_handshake_rows() { return kRows; }

std::optional<bool> Ssl2Facts::holds(Ssl2Condition c) const {
  switch (c) {
    case Cond::always:
      return true;
    case Cond::new_session:
      if (!session_id_hit) return std::nullopt;
      return !*session_id_hit;
    case Cond::client_certificate:
      return request_certificate;
  }
  return false;
}

Result<const Ssl2OrderRow*> Ssl2Order::step(Role sender, Ssl2MessageType type,
                                            const Ssl2Facts& facts) {
  const std::span<const Ssl2OrderRow> rows = kRows;
  const auto i =
      find_step(rows, next_, sender, [&](const Ssl2OrderRow& r) { return r.message == type; }, facts);
  if (!i) {
    return Error{AlertDescription::unexpected_message,
                 "unexpected " + iana_name(type) +
                     (sender == Role::client ? " from client" : " from server")};
  }
  next_ = *i + 1;
  return &kRows[*i];
}

const Ssl2OrderRow* Ssl2Order::next_from(Role us, const Ssl2Facts& facts) {
  const auto i = find_next_from(std::span<const Ssl2OrderRow>(kRows), next_, us, facts);
  if (!i) return nullptr;
  next_ = *i + 1;
  return &kRows[*i];
}

bool Ssl2Order::done() const { return next_ >= kRows.size(); }

std::string Ssl2Order::progress() const {
  if (next_ == 0) return "start";
  const Ssl2OrderRow& row = kRows[next_ - 1];
  return iana_name(row.message) + (row.sender == Role::client ? " from client" : " from server");
}

}  // namespace gauntlet
