#include "bench/alloc_hook.h"

#include <openssl/crypto.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace gauntlet::bench {
namespace {

// Sixteen bytes keep the user block as aligned as malloc's.
struct alignas(16) Header {
  size_t size;
  int owner;
};
static_assert(sizeof(Header) == 16);

std::atomic<int64_t> g_live[kOwners];
std::atomic<int64_t> g_peak[kOwners];
thread_local int t_owner = 0;
bool g_crypto_hooked = false;

void charge(int owner, int64_t delta) {
  const int64_t now = g_live[owner].fetch_add(delta, std::memory_order_relaxed) + delta;
  int64_t peak = g_peak[owner].load(std::memory_order_relaxed);
  while (now > peak && !g_peak[owner].compare_exchange_weak(peak, now)) {
  }
}

void* counted_malloc(size_t n) {
  auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + n));
  if (!h) return nullptr;
  h->size = n;
  h->owner = t_owner;
  charge(h->owner, static_cast<int64_t>(n));
  return h + 1;
}

void counted_free(void* p) {
  if (!p) return;
  Header* h = static_cast<Header*>(p) - 1;
  charge(h->owner, -static_cast<int64_t>(h->size));
  std::free(h);
}

void* counted_realloc(void* p, size_t n) {
  if (!p) return counted_malloc(n);
  Header* h = static_cast<Header*>(p) - 1;
  const size_t old = h->size;
  const int owner = h->owner;
  auto* moved = static_cast<Header*>(std::realloc(h, sizeof(Header) + n));
  if (!moved) return nullptr;
  moved->size = n;
  charge(owner, static_cast<int64_t>(n) - static_cast<int64_t>(old));
  return moved + 1;
}

void* crypto_malloc(size_t n, const char*, int) { return counted_malloc(n); }
void* crypto_realloc(void* p, size_t n, const char*, int) { return counted_realloc(p, n); }
void crypto_free(void* p, const char*, int) { counted_free(p); }

// OpenSSL takes the hooks only before its first allocation, so this runs
// before main and before any other static constructor of the binary.
__attribute__((constructor(101))) void install_crypto_hooks() {
  g_crypto_hooked = CRYPTO_set_mem_functions(crypto_malloc, crypto_realloc, crypto_free) == 1;
}

void* counted_new(size_t n) {
  if (void* p = counted_malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}

}  // namespace

OwnerBytes owner_bytes(int owner) {
  return {g_live[owner].load(std::memory_order_relaxed), g_peak[owner].load(std::memory_order_relaxed)};
}

void reset_peak(int owner) { g_peak[owner].store(g_live[owner].load()); }

bool crypto_hooks_installed() { return g_crypto_hooked; }

ScopedOwner::ScopedOwner(int owner) : previous_(t_owner) { t_owner = owner; }
ScopedOwner::~ScopedOwner() { t_owner = previous_; }

}  // namespace gauntlet::bench

// The replaceable global allocation functions (aligned forms excepted: the
// engine allocates nothing over-aligned, and libstdc++ pairs those with
// free() itself).
void* operator new(size_t n) { return gauntlet::bench::counted_new(n); }
void* operator new[](size_t n) { return gauntlet::bench::counted_new(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  return gauntlet::bench::counted_malloc(n == 0 ? 1 : n);
}
void* operator new[](size_t n, const std::nothrow_t&) noexcept {
  return gauntlet::bench::counted_malloc(n == 0 ? 1 : n);
}
void operator delete(void* p) noexcept { gauntlet::bench::counted_free(p); }
void operator delete[](void* p) noexcept { gauntlet::bench::counted_free(p); }
void operator delete(void* p, size_t) noexcept { gauntlet::bench::counted_free(p); }
void operator delete[](void* p, size_t) noexcept { gauntlet::bench::counted_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { gauntlet::bench::counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  gauntlet::bench::counted_free(p);
}
