// Errors as values. Every layer returns Result<T>; HTTP maps ErrorKind to a status once
// (src/http/errors.cpp). `code` is a stable machine code (UPPER_SNAKE), `message` is Chinese
// text that tells the user what to do, `field` names the offending input field if any.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace anbang {

enum class ErrorKind {
  invalid,
  not_found,
  conflict,
  forbidden,
  unauthenticated,
  locked,
  too_large,
  internal
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string code;
  std::string message;
  std::string field;  // empty when the error is not about one input field
};

inline Error invalid(std::string code, std::string message, std::string field = {}) {
  return {ErrorKind::invalid, std::move(code), std::move(message), std::move(field)};
}
inline Error not_found(std::string code, std::string message) {
  return {ErrorKind::not_found, std::move(code), std::move(message), {}};
}
inline Error conflict(std::string code, std::string message, std::string field = {}) {
  return {ErrorKind::conflict, std::move(code), std::move(message), std::move(field)};
}
inline Error forbidden(std::string code, std::string message) {
  return {ErrorKind::forbidden, std::move(code), std::move(message), {}};
}
inline Error internal_error(std::string message) {
  return {ErrorKind::internal, "INTERNAL", std::move(message), {}};
}

// Result<T>: either a value or an Error. Result<void> is spelled Status.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
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

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace anbang
