// How a suite's key exchange shapes ServerKeyExchange and ClientKeyExchange.
#pragma once

#include <optional>

#include "engine/registry/cipher_suite.h"

namespace gauntlet {

enum class KeyExchangeForm { rsa, dhe, ecdhe };

// nullopt for the null, TLS 1.3 and signalling entries.
inline std::optional<KeyExchangeForm> key_exchange_form(KeyExchange k) {
  switch (k) {
    case KeyExchange::rsa:
      return KeyExchangeForm::rsa;
    case KeyExchange::dhe_rsa:
    case KeyExchange::dhe_dss:
      return KeyExchangeForm::dhe;
    case KeyExchange::ecdhe_rsa:
    case KeyExchange::ecdhe_ecdsa:
      return KeyExchangeForm::ecdhe;
    default:
      return std::nullopt;
  }
}

}  // namespace gauntlet
