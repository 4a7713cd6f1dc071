// Counts the bytes each side of a connection holds: every operator new and
// every OpenSSL allocation (CRYPTO_set_mem_functions) of this process goes
// through a header that records its size and the owner current at the time,
// so a free is charged back to whoever allocated, even from the other side.
#pragma once

#include <cstdint>

namespace gauntlet::bench {

// Owner 0 is "nobody" (setup, the benchmark library); 1..kOwners-1 are
// whatever the benchmark says they are.
constexpr int kOwners = 4;

struct OwnerBytes {
  int64_t live = 0;  // allocated and not yet freed
  int64_t peak = 0;  // the most live at once since reset_peak()
};

OwnerBytes owner_bytes(int owner);
// Starts a new high-water mark at the owner's current live bytes.
void reset_peak(int owner);
// True once OpenSSL accepted the hooks, i.e. its allocations are counted.
bool crypto_hooks_installed();

// Charges allocations made in this scope (on this thread) to an owner.
class ScopedOwner {
 public:
  explicit ScopedOwner(int owner);
  ~ScopedOwner();
  ScopedOwner(const ScopedOwner&) = delete;
  ScopedOwner& operator=(const ScopedOwner&) = delete;

 private:
  int previous_;
};

}  // namespace gauntlet::bench
