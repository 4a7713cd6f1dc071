// printable(): what a peer sent reaches a log line or a page as one line of
// printable ASCII, and summary()/details() pass peer strings through it.
#include "cli/peer_options.h"

#include <gtest/gtest.h>

namespace gauntlet::cli {
namespace {

TEST(Printable, EscapesControlAndNonAsciiBytes) {
  EXPECT_EQ(printable("example.com"), "example.com");
  EXPECT_EQ(printable(std::string("a\nb\x1b[31m\0\x07\xc3\xa9", 12)),
            "a\\x0ab\\x1b[31m\\x00\\x07\\xc3\\xa9");
  const std::string once = printable("x\r\ny");
  EXPECT_EQ(printable(once), once);
}

TEST(Printable, SummaryAndDetailsEscapeWhatThePeerSent) {
  Negotiated n;
  n.server_name = "evil\n\x1b]0;title\x07";
  n.alpn = "h2\r\n";
  for (const std::string& out : {summary(n), details(n)}) {
    EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
    EXPECT_EQ(out.find('\x07'), std::string::npos) << out;
    EXPECT_EQ(out.find('\r'), std::string::npos) << out;
    EXPECT_NE(out.find("evil\\x0a\\x1b]0;title\\x07"), std::string::npos) << out;
  }
  EXPECT_EQ(summary(n).find('\n'), std::string::npos);
}

}  // namespace
}  // namespace gauntlet::cli
