#include "display_message.h"

#include <gtest/gtest.h>

#include <string>

#include "sample.h"

namespace liveroom::sign {
namespace {

struct Parsed {
  bool ok = false;
  EdgeStatus status = EdgeStatus::kUnknown;
  std::string error;
};

Parsed Parse(const std::string& json) {
  Parsed p;
  char error[kErrorCapacity] = {};
  p.ok = ParseStatusMessage(json.data(), json.size(), &p.status, error, sizeof error);
  p.error = error;
  return p;
}

TEST(ParseStatusMessage, LastWill_Offline) {
  const Parsed p = Parse(testing::kOfflineWill);
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_EQ(p.status, EdgeStatus::kOffline);
}

TEST(ParseStatusMessage, Online_Online) {
  const Parsed p = Parse(testing::kOnline);
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_EQ(p.status, EdgeStatus::kOnline);
}

TEST(ParseStatusMessage, OtherKeysAnywhere_Skipped) {
  const Parsed p = Parse(R"({"extra":{"a":[1,2]},"status":"offline","v":9})");
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_EQ(p.status, EdgeStatus::kOffline);
}

TEST(ParseStatusMessage, BadInput_RejectedWithReason) {
  EXPECT_EQ(Parse(R"({"status":"sleeping"})").error, "status: unknown status 'sleeping' (expected online or offline)");
  EXPECT_EQ(Parse(R"({"v":1})").error, "status: key 'status' is missing");
  EXPECT_EQ(Parse(R"({"status":false})").error, "status: key 'status' at byte 10: expected a string");
  EXPECT_EQ(Parse(R"({"status":"offline","status":"online"})").error, "status: key 'status' appears twice");
  EXPECT_EQ(Parse("").error, "status: empty message (the retained message was cleared)");
  EXPECT_EQ(Parse(R"({"status":"off)").error, "status: key 'status' at byte 14: message ends inside a string (truncated?)");
  EXPECT_EQ(Parse(std::string(600, ' ')).error, "status: message is 600 bytes; at most 512 are allowed");
}

}  // namespace
}  // namespace liveroom::sign
