#include "engine/crypto/certificate_pool.h"

#include <utility>

namespace gauntlet {

void CertificatePool::touch(std::list<Entry>::iterator it) {
  entries_.splice(entries_.begin(), entries_, it);
}

Result<Certificate> CertificatePool::decode(ByteView der) {
  {
    std::lock_guard lock(mu_);
    if (auto found = index_.find(key(der)); found != index_.end()) {
      touch(found->second);
      return found->second->certificate;
    }
  }
  // Decoded outside the lock, so that other connections' look-ups do not
  // wait for it; of two threads that decode the same bytes at once, the
  // first to finish keeps its certificate in the pool and the other returns
  // that one too.
  auto decoded = Certificate::from_der(der);
  if (!decoded || max_entries_ == 0 || der.size() > max_bytes_) return decoded;
  std::lock_guard lock(mu_);
  if (auto found = index_.find(key(der)); found != index_.end()) {
    touch(found->second);
    return found->second->certificate;
  }
  entries_.push_front(Entry{Bytes(der.begin(), der.end()), *decoded});
  index_.emplace(key(entries_.front().der), entries_.begin());
  bytes_ += der.size();
  while (entries_.size() > max_entries_ || bytes_ > max_bytes_) {
    bytes_ -= entries_.back().der.size();
    index_.erase(key(entries_.back().der));
    entries_.pop_back();
  }
  return decoded;
}

size_t CertificatePool::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

size_t CertificatePool::bytes() const {
  std::lock_guard lock(mu_);
  return bytes_;
}

}  // namespace gauntlet
