#include "conformance/sut/pki.h"

#include <map>
#include <mutex>

namespace gauntlet::conformance {
namespace {

// Successes only: a file that failed to load fails again, with its error.
template <typename T>
class LoadedOnce {
 public:
  template <typename Load>
  Result<T> get(const std::string& key, Load load) {
    std::lock_guard lock(mutex_);
    if (auto it = loaded_.find(key); it != loaded_.end()) return it->second;
    Result<T> fresh = load();
    if (fresh) loaded_.emplace(key, *fresh);
    return fresh;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, T> loaded_;
};

Result<std::shared_ptr<const TrustStore>> load_trust(const std::vector<std::string>& files) {
  auto trust = std::make_shared<TrustStore>();
  for (const std::string& file : files) {
    if (auto st = trust->add_file(file); !st) return st.error();
  }
  return std::shared_ptr<const TrustStore>(std::move(trust));
}

Result<std::shared_ptr<const TrustStore>> trust_once(const std::vector<std::string>& files) {
  static LoadedOnce<std::shared_ptr<const TrustStore>> stores;
  std::string key;
  for (const std::string& file : files) key += file + "\n";
  return stores.get(key, [&] { return load_trust(files); });
}

}  // namespace

Result<Identity> Pki::identity(const std::string& name) const {
  static LoadedOnce<Identity> identities;
  return identities.get(chain(name) + "\n" + key(name),
                        [&] { return load_identity(chain(name), key(name)); });
}

Result<std::shared_ptr<const TrustStore>> Pki::trust(const std::string& ca_file) const {
  return trust_once({ca_file});
}

std::string identity_for(CipherSuite suite) {
  switch (cipher_suite_info(suite)->key_exchange) {
    case KeyExchange::ecdhe_ecdsa:
      return "server-ecdsa";
    case KeyExchange::dhe_dss:
      return "server-dsa";
    default:
      return "server-rsa";
  }
}

Result<std::shared_ptr<const TrustStore>> ssl2_trust(const Pki& pki) {
  return trust_once({pki.root(), pki.intermediate()});
}

}  // namespace gauntlet::conformance
