// Deliberate deviations from the protocol, for the conformance runner's
// scripted peer (in the spirit of BoringSSL's ProtocolBugs): each makes our
// side send one thing a correct stack must refuse or tolerate. All are off by
// default; nothing but tests and the runner sets them.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "engine/base/error.h"
#include "engine/base/reader.h"
#include "engine/registry/content_type.h"
#include "engine/registry/handshake_type.h"
#include "engine/registry/named_group.h"
#include "engine/registry/signature_scheme.h"
#include "engine/registry/ssl2_cipher_kind.h"

namespace gauntlet {

// How a client's RSA-encrypted premaster block (RFC 5246 §7.4.7.1,
// PKCS #1 v1.5: 00 02 PS 00 premaster) is broken, for Bleichenbacher probes.
enum class BadPremaster {
  wrong_first_byte,  // 01 02 ...
  wrong_block_type,  // 00 01 ...
  no_separator,      // no 00 after the padding
  zero_in_padding,   // a 00 inside the first eight padding bytes
  wrong_length,      // a 47-byte premaster
  // The ciphertext itself (RFC 5246 §7.4.7.1 treats these as any bad block):
  zero_ciphertext,   // a modulus-long ciphertext of zeros
  // A good ciphertext less its last byte (not its first: a leading zero
  // left out is the same number, which a receiver may rightly accept).
  short_ciphertext,
};

// One change to an outgoing record after it was sealed.
enum class TamperAction {
  flip_last_byte,      // the MAC or AEAD tag
  flip_first_byte,     // the explicit IV or the first ciphertext byte
  flip_padding,        // CBC: the last byte of the next-to-last block, which
                       // flips the padding length on decryption
  truncate,            // one byte fewer (length adjusted)
  extend,              // one byte more (length adjusted)
  oversize,            // grown past 2^14 + 2048 bytes (RFC 5246 §6.2.3)
  change_type,         // content type 99
  change_version,      // record version 3.0 → 3.3 or the reverse
};

struct RecordTamper {
  ContentType type;
  int nth = 0;  // the first record of that type from now is 0
  TamperAction action;
  // Only handshake records that open this message count (a message that
  // shares a record behind another one is not found).
  std::optional<HandshakeType> message;
};

// SSL 2.0 deviations (engine/connection/ssl2/): DROWN's preconditions probed
// and the strictness rules of the SSL 2.0 handshake exercised.
struct Ssl2Bugs {
  // Client: this kind for CLIENT-MASTER-KEY and the session keys, whether
  // SERVER-HELLO listed it or not (CVE-2015-3197).
  std::optional<Ssl2CipherKind> master_key_kind;
  // Client: this many bytes of the master key moved from SECRET-KEY-DATA
  // into CLEAR-KEY-DATA (CVE-2016-0703).
  size_t extra_clear_key_bytes = 0;
  bool wrong_connection_id = false;  // client: CLIENT-FINISHED
  bool wrong_challenge = false;      // server: SERVER-VERIFY
  // Server: as lenient as OpenSSL before 1.0.2f / 1.0.2g, a target for the
  // DROWN probe: a kind it did not list, clear key bytes a kind lacks.
  bool accept_unoffered_kind = false;
  bool accept_clear_key_bytes = false;
  // Either side: this message of ours left out (the keys change all the
  // same), cut by its last byte, with a zero byte after it, or in a record
  // whose last byte is flipped so its MAC fails (SSL 2.0 spec §1.2).
  std::optional<Ssl2MessageType> skip_message;
  std::optional<Ssl2MessageType> truncated_message;
  std::optional<Ssl2MessageType> trailing_byte_in;
  std::optional<Ssl2MessageType> bad_mac_in;

  bool any() const {
    return master_key_kind || extra_clear_key_bytes > 0 || wrong_connection_id ||
           wrong_challenge || accept_unoffered_kind || accept_clear_key_bytes || skip_message ||
           truncated_message || trailing_byte_in || bad_mac_in;
  }
};

// Our hello written field by field, as sent (tlsfuzzer's hand-built
// ClientHello): for a ServerHello the first suite and compression method are
// the chosen ones. Our client carries on from the hello as written; our
// server keeps its own choices and hashes the hello as written.
// A DH public value at the edge of the group in use, which RFC 7919 §5.1
// has the peer refuse (1 < Y < p - 1): p - 1, of order 2, or p itself.
enum class DhEdge { p_minus_1, p };

struct WrittenHello {
  uint16_t version = 0x0303;
  std::optional<Bytes> random;  // ours when not written (a HelloRetryRequest's: §4.1.3's)
  // nullopt: the one our side built (a server's: the client's, echoed).
  std::optional<Bytes> session_id = Bytes{};
  std::vector<uint16_t> suites;
  std::vector<uint8_t> compression{0};
  // In this order, raw; nullopt leaves the extensions block out entirely
  // (RFC 5246 §7.4.1.2: its presence is told by the bytes that follow).
  std::optional<std::vector<std::pair<uint16_t, Bytes>>> extensions;
};

// A handshake message of our choosing slipped into our flight next to one of
// ours, in its own record, outside our transcript (as a man in the middle
// would add it).
struct InsertedMessage {
  HandshakeType next_to;
  bool after = false;  // before `next_to` unless set
  uint8_t type = 0;    // any number, unknown ones too
  Bytes body;
};

// Which of our ClientHellos the hello edits change (RFC 8446 §4.1.2): the
// first, or the one that answers a HelloRetryRequest.
enum class WhichHello { first, second };
// TLS 1.3, our server (RFC 8446 §4.2.8): the key_share entry of its
// ServerHello as sent, either field replaced.
struct ServerKeyShare13 {
  std::optional<uint16_t> group;
  std::optional<Bytes> key_exchange;
};

// TLS 1.3, our server's CertificateVerify (RFC 8446 §4.4.3): the scheme it
// names (the signature is still made with the scheme we chose), the
// client's context string signed instead of the server's, or the
// signature's last byte flipped.
struct CertificateVerify13 {
  std::optional<SignatureScheme> scheme;
  bool client_context = false;
  bool corrupt = false;
};

struct Bugs {
  // Our hello replaced by one written field by field (our server's:
  // its ServerHello).
  std::optional<WrittenHello> written_hello;

  // TLS 1.3 (RFC 8446 §4.1.2, §4.1.4): our server's HelloRetryRequest
  // replaced by one written field by field (our server keeps its own
  // cookie and group), and our ClientHello's random as sent (32 bytes; in
  // the ClientHello hello_edits_in names).
  std::optional<WrittenHello> written_retry;
  std::optional<Bytes> client_random;

  // ClientHello.
  std::optional<uint16_t> client_version;
  std::optional<std::vector<uint16_t>> cipher_suites;  // sent as is, unknown ids too
  std::optional<std::vector<uint8_t>> compression_methods;
  std::optional<Bytes> session_id;  // any length, 33 bytes included
  // ServerHello.
  std::optional<uint16_t> server_version;
  std::optional<uint16_t> server_suite;
  std::optional<Bytes> server_session_id;  // legacy_session_id_echo in TLS 1.3
  std::optional<uint8_t> server_compression;
  // Raw (type, body) extensions appended to our hello; a duplicate of our
  // first extension.
  std::vector<std::pair<uint16_t, Bytes>> extra_extensions;
  // Our hello's extensions of these types left out, or their bodies
  // replaced in place (appended when our hello has none): what a TLS 1.3
  // hello must carry, carried wrong (RFC 8446 §4.1.3, §4.2.1, §4.2.8).
  std::vector<uint16_t> drop_extensions;
  std::vector<std::pair<uint16_t, Bytes>> replace_extensions;
  // Our ClientHello's extensions in this order, the unnamed ones after (a
  // peer must not depend on the order, RFC 8446 §4.2).
  std::vector<uint16_t> extension_order;
  bool duplicate_extension = false;
  // The hello changes above happen in flight, as a man in the middle would
  // make them: our transcript and state keep the hello we built, so the
  // rewrite must show at Finished (RFC 5246 §7.4.9).
  bool rewrite_in_flight = false;
  // The session to resume offered even in a hello that cannot resume it (its
  // suite not offered, its version out of range; RFC 5246 §7.4.1.2), to see
  // the server refuse.
  bool offer_session_anyway = false;

  // Key exchange.
  std::optional<NamedGroup> server_group;  // the ECDHE curve, offered or not
  std::optional<SignatureScheme> server_signature_scheme;
  std::optional<uint16_t> premaster_version;
  std::optional<BadPremaster> bad_premaster;
  std::optional<Bytes> public_value;  // our DH or ECDH public value, as sent
  std::optional<DhEdge> dh_public_edge;  // taken from the p we use, whoever chose it
  // TLS 1.3: our CertificateVerify carries this signature instead of our
  // key's, in our transcript too: one made elsewhere (RFC 8448's, whose keys
  // the RFC does not publish) or over another transcript, which a peer
  // refuses with decrypt_error (RFC 8446 §4.4.3).
  std::optional<Bytes> certificate_verify_signature;

  // Messages and their order.
  std::vector<InsertedMessage> inserted_messages;
  std::optional<HandshakeType> skip_message;
  std::optional<HandshakeType> duplicate_message;
  std::optional<HandshakeType> early_change_cipher_spec;  // sent before this message
  bool skip_change_cipher_spec = false;  // keys change, the record is not sent
  std::optional<Bytes> change_cipher_spec_body;  // instead of 01 (RFC 5246 §7.1)
  // A message whose inner lengths disagree with its outer one (RFC 5246
  // §7.4): a zero byte appended to the body, or its last byte cut.
  std::optional<HandshakeType> trailing_byte_in;
  std::optional<HandshakeType> truncated_message;
  bool corrupt_finished = false;
  bool truncate_finished = false;
  bool application_data_before_finished = false;
  // TLS 1.3 post-handshake authentication (RFC 8446 §4.6.2), our client's
  // answer: one bit flipped in the value this message of it carries — the
  // Certificate's context (its first byte), the CertificateVerify's
  // signature (its last), the Finished's verify_data (its first).
  std::optional<HandshakeType> corrupt_post_handshake_auth;
  // TLS 1.3 0-RTT (RFC 8446 §4.2.10): our client sends all of
  // ClientOptions::early_data with a ticket that allows early data, past its
  // max_early_data_size too. (EndOfEarlyData left out is skip_message.)
  bool early_data_over_limit = false;

  // TLS 1.3, our server's flight (RFC 8446 §4.1.4, §4.3.1, §4.4.2, §4.4.3):
  // its HelloRetryRequest's suite, its ServerHello's key share, raw
  // extensions appended to EncryptedExtensions and to the first
  // CertificateEntry, its CertificateVerify.
  std::optional<uint16_t> retry_suite;
  std::optional<ServerKeyShare13> server_key_share;
  std::vector<std::pair<uint16_t, Bytes>> encrypted_extensions;
  std::vector<std::pair<uint16_t, Bytes>> certificate_extensions;
  // Our ServerHello's and EncryptedExtensions' extensions (raw ones too) in
  // this order, the unnamed ones after, as extension_order does for a
  // ClientHello: another stack's order (NSS, RFC 8448 §4's server, names
  // pre_shared_key first and early_data last).
  std::vector<uint16_t> server_extension_order;
  std::optional<CertificateVerify13> certificate_verify;

  // Records.
  // A tamper armed as the connection opens: records count from its first,
  // our ClientHello's included.
  std::optional<RecordTamper> tamper;
  size_t handshake_fragment = 0;  // at most this many handshake bytes a record
  bool coalesce_handshake = false;  // a flight's messages in one record
  std::optional<uint16_t> record_version;  // every record we write
  // The host name our ClientHello's server_name carries; the chain is still
  // verified against the name we were given.
  std::optional<std::string> server_name;

  Ssl2Bugs ssl2;

  // Checks our side skips: our engine as a lax SUT, for the conformance
  // runner's mutation table (every lax check must fail some case).
  bool unchecked_padding = false;       // CBC padding bytes (RFC 5246 §6.2.3.2)
  bool unchecked_finished = false;      // the peer's verify_data (§7.4.9)
  bool resume_unoffered_suite = false;  // a session whose suite the hello lacks (§7.4.1.2)
  bool resume_without_ems = false;      // an EMS session from a hello without it (RFC 7627 §5.3)
  bool resume_other_name = false;       // a session made for another server_name (RFC 6066 §3)

  // TLS 1.3, our client (RFC 8446 §4.1.2, §4.2, §4.2.8, §4.2.11, §4.4).
  // The hello edits above and the next two in this ClientHello only (unset:
  // in each); a retry's edits wait for a HelloRetryRequest.
  std::optional<WhichHello> hello_edits_in;
  // The first ClientHello's shares, one for each group in this order
  // (repeats and groups supported_groups lacks too); empty: client_shares
  // is an empty list, which asks for a HelloRetryRequest (§4.2.8).
  std::optional<std::vector<NamedGroup>> key_shares;
  bool corrupt_binder = false;                    // its last byte flipped
  std::optional<Bytes> psk_identity;              // the ticket offered as this identity
  std::optional<uint32_t> obfuscated_ticket_age;  // instead of the age plus ticket_age_add
  // Our CertificateVerify signed with this scheme, offered or not, or its
  // signature's last byte flipped (§4.4.3).
  std::optional<SignatureScheme> client_signature_scheme;
  bool corrupt_certificate_verify = false;
  // Our Certificate's certificate_request_context instead of the echo (§4.4.2).
  std::optional<Bytes> certificate_request_context;

  bool any() const;
};

struct ClientHello;
struct ServerHello;
class Extensions;
class PublicKey;
class RandomSource;

void apply_client_hello_bugs(const Bugs& bugs, ClientHello& hello);
void apply_server_hello_bugs(const Bugs& bugs, ServerHello& hello);
// Our HelloRetryRequest: written whole, or edited as a ServerHello is, with
// retry_suite.
void apply_retry_bugs(const Bugs& bugs, ServerHello& hrr);
// Our TLS 1.3 EncryptedExtensions: encrypted_extensions appended, then
// server_extension_order.
void apply_encrypted_extensions_bugs(const Bugs& bugs, Extensions& block);
// Our DH public value as sent: the edge value of p, public_value, or ours.
Bytes dh_public_value_as_sent(const Bugs& bugs, const Bytes& p, Bytes ours);
// Raw (type, body) extensions appended to `block`.
void append_raw_extensions(const std::vector<std::pair<uint16_t, Bytes>>& raw, Extensions& block);

// `premaster` encrypted to `key` and broken as `kind` says: a PKCS #1 type 2
// block with a bad field, encrypted without padding, or a bad ciphertext.
Result<Bytes> bad_premaster_ciphertext(BadPremaster kind, const PublicKey& key, ByteView premaster,
                                       RandomSource& random);

}  // namespace gauntlet
