#include "topics.h"

#include <gtest/gtest.h>

#include <string>

namespace liveroom::sign {
namespace {

TEST(BuildRoomTopic, ValidSiteAndRoom_BuildsContractTopic) {
  char out[kMaxTopicLength];
  ASSERT_TRUE(BuildRoomTopic("shanghai", "room-01", kDisplayChannel, out, sizeof out));
  EXPECT_STREQ(out, "liveroom/v1/shanghai/room-01/display");
  ASSERT_TRUE(BuildRoomTopic("sh", "r.1_a", kStatusChannel, out, sizeof out));
  EXPECT_STREQ(out, "liveroom/v1/sh/r.1_a/status");
}

TEST(BuildRoomTopic, LongestIdentifiers_Fit) {
  const std::string id(64, 'a');
  char out[kMaxTopicLength];
  ASSERT_TRUE(BuildRoomTopic(id.c_str(), id.c_str(), kDisplayChannel, out, sizeof out));
  EXPECT_EQ(std::string(out).size(), kMaxTopicLength - 1);
}

TEST(BuildRoomTopic, WildcardsOrSeparators_Rejected) {
  char out[kMaxTopicLength] = "x";
  EXPECT_FALSE(BuildRoomTopic("sh", "+", kDisplayChannel, out, sizeof out));
  EXPECT_STREQ(out, "");
  EXPECT_FALSE(BuildRoomTopic("s/h", "r1", kDisplayChannel, out, sizeof out));
  EXPECT_FALSE(BuildRoomTopic("#", "r1", kDisplayChannel, out, sizeof out));
  EXPECT_FALSE(BuildRoomTopic("", "r1", kDisplayChannel, out, sizeof out));
  EXPECT_FALSE(BuildRoomTopic("-sh", "r1", kDisplayChannel, out, sizeof out));
  EXPECT_FALSE(BuildRoomTopic(std::string(65, 'a').c_str(), "r1", kDisplayChannel, out, sizeof out));
}

TEST(BuildRoomTopic, SmallBuffer_Rejected) {
  char out[16];
  EXPECT_FALSE(BuildRoomTopic("shanghai", "room-01", kDisplayChannel, out, sizeof out));
  EXPECT_STREQ(out, "");
}

}  // namespace
}  // namespace liveroom::sign
