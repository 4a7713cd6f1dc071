#include "engine/crypto/openssl_ptr.h"

#include <array>

#include <openssl/err.h>

namespace gauntlet {

std::string openssl_error_string() {
  std::string out;
  std::array<char, 256> line{};
  for (unsigned long code = ERR_get_error(); code != 0; code = ERR_get_error()) {
    ERR_error_string_n(code, line.data(), line.size());
    if (!out.empty()) out += "; ";
    out += line.data();
  }
  ERR_clear_error();
  return out.empty() ? "no OpenSSL error" : out;
}

}  // namespace gauntlet
