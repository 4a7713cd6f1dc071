// Small keys for the stateful fuzz targets, made with
//   openssl req -x509 -newkey rsa:1024|ec -pkeyopt ec_paramgen_curve:P-256 ...
// (DSA: 1024-bit parameters). Small on purpose: RSA decryption and signing
// would otherwise bound the server target's speed. Never use them elsewhere.
#include "fuzz/stateful/fuzz_identities.h"

namespace gauntlet::fuzzing {

namespace {

const char kRsaCertificate[] = R"pem(-----BEGIN CERTIFICATE-----
MIICUjCCAbugAwIBAgIUEQP/0/Hoku6K3/gexBoGze2PLn8wDQYJKoZIhvcNAQEL
BQAwLzEZMBcGA1UECgwQR2F1bnRsZXQgZnV6emluZzESMBAGA1UEAwwJbG9jYWxo
b3N0MCAXDTI2MTEyMzA0MTg0MVoYDzIxMjYxMDMwMDQxODQxWjAvMRkwFwYDVQQK
DBBHYXVudGxldCBmdXp6aW5nMRIwEAYDVQQDDAlsb2NhbGhvc3QwgZ8wDQYJKoZI
hvcNAQEBBQADgY0AMIGJAoGBAMtt5sgRBxj5PuMwIeKNa0jyK9iNH1pbHzUVJj78
8QaRpwNM9gxPERlFMF1iD8tOQcqoN/6vhCEeWfBOxHQz6HeBefB/LmiowsHc79Zi
5FvRf1c5NU+YotTvzDPOLwBcWYxFA5GBpMFjQa+pU5KXxqR7TkhY77txZy2XRITv
x65pAgMBAAGjaTBnMB0GA1UdDgQWBBQEqZ9wKMgxrU4dPcCXCBqaFC1m7jAfBgNV
HSMEGDAWgBQEqZ9wKMgxrU4dPcCXCBqaFC1m7jAPBgNVHRMBAf8EBTADAQH/MBQG
A1UdEQQNMAuCCWxvY2FsaG9zdDANBgkqhkiG9w0BAQsFAAOBgQA3y+UK1K2xyati
lx0e3wa5UHzbkdgZEHZ/Mmf9m5W9G4P3lKUY/6Ctjiap6YczRF38xnPQpKIVdrGx
nJ/4B+LT+4gY5+++UI6faf1hjIbrIHs7zzHDCc8JXUUdFhNoNq4CO/PTkVQZen+o
QCHvCWN3BAm7ZkYXkxWjjqa6Wxk4GA==
-----END CERTIFICATE-----
)pem";

const char kRsaKey[] = R"pem(-----BEGIN PRIVATE KEY-----
MIICeQIBADANBgkqhkiG9w0BAQEFAASCAmMwggJfAgEAAoGBAMtt5sgRBxj5PuMw
IeKNa0jyK9iNH1pbHzUVJj788QaRpwNM9gxPERlFMF1iD8tOQcqoN/6vhCEeWfBO
xHQz6HeBefB/LmiowsHc79Zi5FvRf1c5NU+YotTvzDPOLwBcWYxFA5GBpMFjQa+p
U5KXxqR7TkhY77txZy2XRITvx65pAgMBAAECgYEAknBtxi2Dx3V80LyQV+7ngR5b
c8q6/CdGQscTvhoFQ25MJLMdF+U+8Mr+suppZjfSYplPnbYpTlHz+mopP2EygLKW
9ZYV0GTnqrOV6TuG9FHgXYDOursOil5lQzZF0EkVj+f/q/bmYmgLrLQc1yPThtdl
Mk0D1jKYNCKzqf3DcwECQQD7BFN/6slACotBIg7P9ZlcNSc1SlAeoz+L5KQC/PtQ
Q+s9KP4FAoiRbMXkg0tcNYyAfioLMGIM+TyYVtV757thAkEAz3e76TLG0SDK4gSM
iFsLMFKCckc86kTAUC6CGwMDcQmddmb04xvdAMqEgMOQGY5a6359uEslzo5oqgSF
bbEYCQJBAJ2wAAxxn+99MDHAhXGapbbJJVJS1rYIc5kcDvRZnD62DAclwz2+c7B3
lnGRETxh31uw5hSVVmM0Bx7kHcRytMECQQCZPw8tdRVIullCVCveOKnuGrRCZ36G
aRxI3eG6xCIRqBGIuQogi59Wi0EOv+W8Ctv74WZJ8DBP//8tvsM0QEDJAkEA7TPO
rBdkCJmrmhQvg+LmTHUtX2JykpqMZQG5sYLF0SwTZdOan4ThPJYK2eyq+7ls2jGi
PGVIUatOKH9HvwN+9A==
-----END PRIVATE KEY-----
)pem";

const char kEcdsaCertificate[] = R"pem(-----BEGIN CERTIFICATE-----
MIIBzDCCAXGgAwIBAgIUPi2sWTas5p4sd0MEjD9aU02KMbwwCgYIKoZIzj0EAwIw
LzEZMBcGA1UECgwQR2F1bnRsZXQgZnV6emluZzESMBAGA1UEAwwJbG9jYWxob3N0
MCAXDTI2MTEyMzA0MTg0MVoYDzIxMjYxMDMwMDQxODQxWjAvMRkwFwYDVQQKDBBH
YXVudGxldCBmdXp6aW5nMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAAQKMIjejwitU70We373MAYDjmEt41vqB6Prwb6OnFI9DgAL
Zb1AjHosiyNImSf5BEyMYkvKSFhs6v5QoTRsKi+wo2kwZzAdBgNVHQ4EFgQUZshg
41Bjd9Dmm5IR73Zu9VPFx00wHwYDVR0jBBgwFoAUZshg41Bjd9Dmm5IR73Zu9VPF
x00wDwYDVR0TAQH/BAUwAwEB/zAUBgNVHREEDTALgglsb2NhbGhvc3QwCgYIKoZI
zj0EAwIDSQAwRgIhAPEIykFgvA2Y1F2SrpSctm5TC3czPzoJ/ZDcofI1VAz8AiEA
nmII3al+B2+UJnCY1qK65Y9lN1mQEY4libSJfyEuzCY=
-----END CERTIFICATE-----
)pem";

const char kEcdsaKey[] = R"pem(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgOfK5b2OWLRzdZUA+
7/aT05xiRGSO4PY1G4tf3kZ45pKhRANCAAQKMIjejwitU70We373MAYDjmEt41vq
B6Prwb6OnFI9DgALZb1AjHosiyNImSf5BEyMYkvKSFhs6v5QoTRsKi+w
-----END PRIVATE KEY-----
)pem";

const char kDsaCertificate[] = R"pem(-----BEGIN CERTIFICATE-----
MIIDFzCCAsSgAwIBAgIURYMcrLRyphP/bDwMn27Ieeo6GN8wCwYJYIZIAWUDBAMC
MC8xGTAXBgNVBAoMEEdhdW50bGV0IGZ1enppbmcxEjAQBgNVBAMMCWxvY2FsaG9z
dDAgFw0yNjExMjMwNDE4NDFaGA8yMTI2MTAzMDA0MTg0MVowLzEZMBcGA1UECgwQ
R2F1bnRsZXQgZnV6emluZzESMBAGA1UEAwwJbG9jYWxob3N0MIIBvzCCATQGByqG
SM44BAEwggEnAoGBALHu2nPHY74NiLtf9hG00uawVLKCsiOpAavoeT2F7PhDqLuU
8PPSrzfeiD8PnZhzJ5kP7d2dH17+5QfN5NK4QqFBVElNay3/4mktMVhzLiYP5+DY
09qF912OXEwa5vMQ/9iRC7+V0aGk4Pn+Fc7PuEmKvc7CO70O7bBpCvLKs9yXAh0A
+lT4aivmYqgxhQIivSiNfWi+xPCqmNwivOl3VQKBgQCtHRA1Hi4IZtsaxHjXMLxw
6yfmYPUOi0gbPCguWuI8cgfANDHits9/KSv2fNFz/GGbkdvz7MCMD4vEg3pSWs+9
DXk7urLOeywUOfo1aKM4MVBYCQhko+tSu4g9186+RP20U+YYqZzLCt8fpI4UC8Zo
+bFBVge2wuLskd/mYGRj7QOBhAACgYAg2rDzOGuFbou7k7ABfEIY6hwWE7HUF2KT
47mP8pIDJUIagGwdmNU5M4Oga1Q0mIR6Q8/NITZ/Br0PHLpZlvAP/Cd9ER8sTsaC
0l0My8N5esf69xSi63XwLch37wtabVONqWMmv5uw6mQckkhxgx6WUVNwjzVhv44A
doLR2mSi+aNTMFEwHQYDVR0OBBYEFGjIbPRzoVF2qK5Xe75FoAkOfz33MB8GA1Ud
IwQYMBaAFGjIbPRzoVF2qK5Xe75FoAkOfz33MA8GA1UdEwEB/wQFMAMBAf8wCwYJ
YIZIAWUDBAMCA0AAMD0CHQC3zJSM3210Ni4Uqu/Fxpak4BmaO8bLxQsJCoIdAhws
F1gYYQ1O0WNijCdFjooef+aMgoJ9dVlBRKG7
-----END CERTIFICATE-----
)pem";

const char kDsaKey[] = R"pem(-----BEGIN PRIVATE KEY-----
MIIBWwIBADCCATQGByqGSM44BAEwggEnAoGBALHu2nPHY74NiLtf9hG00uawVLKC
siOpAavoeT2F7PhDqLuU8PPSrzfeiD8PnZhzJ5kP7d2dH17+5QfN5NK4QqFBVElN
ay3/4mktMVhzLiYP5+DY09qF912OXEwa5vMQ/9iRC7+V0aGk4Pn+Fc7PuEmKvc7C
O70O7bBpCvLKs9yXAh0A+lT4aivmYqgxhQIivSiNfWi+xPCqmNwivOl3VQKBgQCt
HRA1Hi4IZtsaxHjXMLxw6yfmYPUOi0gbPCguWuI8cgfANDHits9/KSv2fNFz/GGb
kdvz7MCMD4vEg3pSWs+9DXk7urLOeywUOfo1aKM4MVBYCQhko+tSu4g9186+RP20
U+YYqZzLCt8fpI4UC8Zo+bFBVge2wuLskd/mYGRj7QQeAhwj5qoEwmD1lzKJjTag
6nSB9ajMi1BjelDhHm20
-----END PRIVATE KEY-----
)pem";

Identity parse(const char* cert, const char* key) {
  auto chain = load_certificates({reinterpret_cast<const uint8_t*>(cert), std::char_traits<char>::length(cert)});
  auto k = load_private_key({reinterpret_cast<const uint8_t*>(key), std::char_traits<char>::length(key)});
  return Identity{std::move(chain).value(), std::move(k).value()};
}

}  // namespace

const std::vector<Identity>& fuzz_identities() {
  static const std::vector<Identity> ids{parse(kRsaCertificate, kRsaKey),
                                         parse(kEcdsaCertificate, kEcdsaKey),
                                         parse(kDsaCertificate, kDsaKey)};
  return ids;
}

const std::vector<Identity>& server_identities() {
  static const std::vector<Identity> ids{fuzz_identities()[1], fuzz_identities()[0],
                                         fuzz_identities()[2]};
  return ids;
}

}  // namespace gauntlet::fuzzing
