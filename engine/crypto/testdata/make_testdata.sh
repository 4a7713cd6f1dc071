#!/usr/bin/env bash
# Regenerates the test PKI in this folder with the openssl command line. The
# keys are for tests only. Run from anywhere; writes next to this script.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# sign NAME ISSUER EXTENSIONS START END: a certificate for NAME.key signed by ISSUER.
sign() {
  local name=$1 issuer=$2 ext=$3 start=$4 end=$5
  openssl req -new -key "$name.key" -subj "/O=Gauntlet test/CN=$name" -out "$work/$name.csr"
  mkdir -p "$work/db" && : > "$work/db/index" && echo 1000 > "$work/db/serial"
  cat > "$work/ca.cnf" <<CNF
[ca]
default_ca = test
[test]
database = $work/db/index
serial = $work/db/serial
new_certs_dir = $work
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
[anything]
O = optional
CN = supplied
[ext]
$ext
CNF
  local self=()
  if [ "$issuer" = self ]; then
    self=(-selfsign -keyfile "$name.key")
  else
    self=(-cert "$issuer.pem" -keyfile "$issuer.key")
  fi
  openssl ca -batch -config "$work/ca.cnf" -extensions ext -notext "${self[@]}" \
    -startdate "$start" -enddate "$end" -in "$work/$name.csr" -out "$name.pem" 2>/dev/null
}

long=(20200101000000Z 20991231235959Z)
ca_ext="basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign"
server_ext="basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment, keyAgreement
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out root-ca.key 2>/dev/null
sign root-ca self "$ca_ext" "${long[@]}"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out intermediate-ca.key 2>/dev/null
sign intermediate-ca root-ca "$ca_ext" "${long[@]}"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out server-rsa.key 2>/dev/null
sign server-rsa intermediate-ca "$server_ext" "${long[@]}"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out server-ecdsa.key
sign server-ecdsa intermediate-ca "$server_ext" "${long[@]}"
# TLS 1.3's other signers (RFC 8446 §4.2.3): ECDSA on P-384 and P-521,
# Ed25519 and Ed448.
for curve in P-384 P-521; do
  name=server-ecdsa-$(echo "$curve" | tr -d - | tr 'P' 'p')
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:$curve -out "$name.key"
  sign "$name" intermediate-ca "$server_ext" "${long[@]}"
done
for alg in ed25519 ed448; do
  openssl genpkey -algorithm "$alg" -out "server-$alg.key"
  sign "server-$alg" intermediate-ca "${server_ext/, keyEncipherment, keyAgreement/}" "${long[@]}"
done
openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -out "$work/dsa.param"
openssl genpkey -paramfile "$work/dsa.param" -out server-dsa.key
sign server-dsa intermediate-ca "$server_ext" "${long[@]}"

# An RSA-PSS key (RFC 4055) signs only: rsa_pss_pss_* schemes, no key transport.
openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -out server-rsa-pss.key 2>/dev/null
sign server-rsa-pss intermediate-ca "${server_ext/, keyEncipherment, keyAgreement/}" "${long[@]}"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out server-expired.key 2>/dev/null
sign server-expired intermediate-ca "$server_ext" 20200101000000Z 20210101000000Z
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out server-wrong-name.key 2>/dev/null
sign server-wrong-name intermediate-ca "${server_ext/DNS:localhost, IP:127.0.0.1/DNS:elsewhere.example}" "${long[@]}"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out server-client-eku.key 2>/dev/null
sign server-client-eku intermediate-ca "${server_ext/serverAuth/clientAuth}" "${long[@]}"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out self-signed.key 2>/dev/null
sign self-signed self "$server_ext" "${long[@]}"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out client-rsa.key 2>/dev/null
sign client-rsa intermediate-ca "basicConstraints = CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth" "${long[@]}"

# signature_algorithms_cert (RFC 8446 §4.2.3): an ECDSA P-256 root of its own
# and an RSA leaf it signs (ecdsa_secp256r1_sha256), without extendedKeyUsage
# so that it serves either role. Its chain is the leaf alone: the root is a
# trust anchor.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ecdsa-root-ca.key
sign ecdsa-root-ca self "$ca_ext" "${long[@]}"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa-by-ecdsa-ca.key 2>/dev/null
sign rsa-by-ecdsa-ca ecdsa-root-ca "basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
subjectAltName = DNS:localhost, IP:127.0.0.1" "${long[@]}"

# Chains as a server sends them: leaf first, then the intermediate.
for leaf in server-rsa server-rsa-pss server-ecdsa server-ecdsa-p384 server-ecdsa-p521 \
            server-ed25519 server-ed448 server-dsa server-expired server-wrong-name \
            server-client-eku client-rsa; do
  cat "$leaf.pem" intermediate-ca.pem > "$leaf-chain.pem"
done
# The self-signed leaf is its own chain.
cp self-signed.pem self-signed-chain.pem
# server-rsa without its intermediate, as a misconfigured server sends it.
cp server-rsa.pem server-rsa-no-intermediate-chain.pem
cp server-rsa.key server-rsa-no-intermediate.key
cp client-rsa.pem client-rsa-no-intermediate-chain.pem
cp client-rsa.key client-rsa-no-intermediate.key
cp rsa-by-ecdsa-ca.pem rsa-by-ecdsa-ca-chain.pem
