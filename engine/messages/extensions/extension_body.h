// Every typed extension body. Which alternative a body parses into depends on
// the extension type and on the message it appears in (extensions.cc holds
// that table). Unknown types, and known types where the RFCs define no body
// for that message, stay RawExtension and re-serialize unchanged.
#pragma once

#include <variant>

#include "engine/base/reader.h"
#include "engine/base/writer.h"
#include "engine/messages/extensions/alpn.h"
#include "engine/messages/extensions/empty_extensions.h"
#include "engine/messages/extensions/key_share.h"
#include "engine/messages/extensions/list_extensions.h"
#include "engine/messages/extensions/opaque_extensions.h"
#include "engine/messages/extensions/pre_shared_key.h"
#include "engine/messages/extensions/server_name.h"
#include "engine/messages/extensions/status_request.h"
#include "engine/messages/extensions/value_extensions.h"

namespace gauntlet {

struct RawExtension {
  Bytes body;
  void serialize(Writer& w) const { w.bytes(body); }
  bool operator==(const RawExtension&) const = default;
};

using ExtensionBody =
    std::variant<RawExtension, ServerNameList, ServerNameAck, SupportedGroups, EcPointFormats,
                 SignatureAlgorithms, SignatureAlgorithmsCert, ExtendedMasterSecret,
                 RenegotiationInfo, SessionTicketExtension, EncryptThenMac, Alpn, StatusRequest,
                 StatusRequestAck, MaxFragmentLength, RecordSizeLimit, Padding, Heartbeat,
                 SupportedVersionsList, SelectedVersion, ClientKeyShares, ServerKeyShare,
                 KeyShareHelloRetry, PskKeyExchangeModes, OfferedPsks, SelectedPsk,
                 EarlyDataIndication, MaxEarlyDataSize, Cookie, PostHandshakeAuth>;

}  // namespace gauntlet
