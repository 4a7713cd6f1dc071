// The engine's one error type: the alert a peer should be sent, and a reason a
// human can act on. Result<T> carries either a value or an Error.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "engine/base/alert.h"

namespace gauntlet {

struct Error {
  AlertDescription alert;
  std::string reason;

  // "decode_error: ClientHello: trailing bytes"
  std::string to_string() const;
};

inline Error decode_error(std::string reason) {
  return {AlertDescription::decode_error, std::move(reason)};
}
inline Error illegal_parameter(std::string reason) {
  return {AlertDescription::illegal_parameter, std::move(reason)};
}
inline Error internal_error(std::string reason) {
  return {AlertDescription::internal_error, std::move(reason)};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Success or an Error, for operations without a value.
using Status = Result<std::monostate>;
inline Status ok_status() { return std::monostate{}; }

}  // namespace gauntlet
