#include "sign_model.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "no_heap.h"
#include "sample.h"

namespace liveroom::sign {
namespace {

using testing::kNotReadyExample;
using testing::kOfflineWill;
using testing::kOnline;
using testing::Minimal;

void Display(SignModel* model, const std::string& json) { model->OnDisplayPayload(json.data(), json.size()); }
void Status(SignModel* model, const std::string& json) { model->OnStatusPayload(json.data(), json.size()); }

std::vector<std::string> Lines(const Frame& f) {
  std::vector<std::string> lines;
  for (int i = 0; i < f.line_count; ++i) lines.emplace_back(f.lines[i]);
  return lines;
}

/// Connected, edge online, showing json.
SignModel Showing(const std::string& json) {
  SignModel model;
  model.OnConnected();
  Status(&model, kOnline);
  Display(&model, json);
  return model;
}

TEST(SignModel, AtBoot_OfflineAndLampOff) {
  SignModel model;
  EXPECT_EQ(model.frame().kind, ScreenKind::kOffline);
  EXPECT_STREQ(model.frame().chinese, "离线");
  EXPECT_STREQ(model.frame().english, "OFFLINE");
  EXPECT_EQ(Lines(model.frame()), std::vector<std::string>{"no connection to the MQTT broker"});
  EXPECT_FALSE(model.relay_on());
}

TEST(SignModel, ConnectedWithoutDisplay_NoData) {
  SignModel model;
  model.OnConnected();
  EXPECT_EQ(model.frame().kind, ScreenKind::kNoData);
  EXPECT_STREQ(model.frame().english, "NO DATA");
  EXPECT_FALSE(model.relay_on());
}

TEST(SignModel, NotReadyExample_ReasonFirstThenTitleWhenNext) {
  const SignModel model = Showing(kNotReadyExample);
  const Frame& f = model.frame();
  EXPECT_EQ(f.kind, ScreenKind::kRoom);
  EXPECT_EQ(f.state, RoomState::kNotReady);
  EXPECT_STREQ(f.chinese, "未就绪");
  EXPECT_STREQ(f.english, "NOT READY");
  EXPECT_EQ(f.background, (Rgb{0xe8, 0x59, 0x0c}));
  EXPECT_EQ(f.text, (Rgb{255, 255, 255}));
  EXPECT_EQ(Lines(f), (std::vector<std::string>{"uplink 2.1 Mbit/s", "春季新品专场 · 李娜", "14:00–16:00",
                                                "下一场 NEXT 16:30 晚间专场"}));
  EXPECT_FALSE(f.relay_on);
}

TEST(SignModel, EveryState_LampOnlyWhenAirTrue) {
  for (const char* code : {"free", "booked", "pre-show", "ready", "not-ready", "live", "fault", "ended"}) {
    for (const bool air : {false, true}) {
      const SignModel model = Showing(Minimal(code, air));
      EXPECT_EQ(model.frame().kind, ScreenKind::kRoom) << code;
      EXPECT_EQ(model.relay_on(), air) << code;
      EXPECT_EQ(model.frame().line_count, 0) << code;
    }
  }
}

TEST(SignModel, LiveThenLastWill_OfflineAndLampOff) {
  SignModel model = Showing(Minimal("live", true));
  ASSERT_TRUE(model.relay_on());
  Status(&model, kOfflineWill);
  EXPECT_EQ(model.frame().kind, ScreenKind::kOffline);
  EXPECT_EQ(Lines(model.frame()), std::vector<std::string>{"room edge offline"});
  EXPECT_FALSE(model.relay_on());
}

TEST(SignModel, LastWillBeforeRetainedDisplay_StaysOffline) {
  // After a reconnect the broker may send the retained status (offline) before the stale retained display (live).
  SignModel model;
  model.OnConnected();
  Status(&model, kOfflineWill);
  Display(&model, Minimal("live", true));
  EXPECT_EQ(model.frame().kind, ScreenKind::kOffline);
  EXPECT_FALSE(model.relay_on());
  Status(&model, kOnline);  // the edge is back
  EXPECT_EQ(model.frame().kind, ScreenKind::kRoom);
  EXPECT_TRUE(model.relay_on());
}

TEST(SignModel, BrokerConnectionLost_OfflineAndLampOff) {
  SignModel model = Showing(Minimal("live", true));
  model.OnConnectionLost();
  EXPECT_EQ(model.frame().kind, ScreenKind::kOffline);
  EXPECT_EQ(Lines(model.frame()), std::vector<std::string>{"no connection to the MQTT broker"});
  EXPECT_FALSE(model.relay_on());
}

TEST(SignModel, Reconnect_ForgetsOldStateUntilRetainedArrives) {
  SignModel model = Showing(Minimal("live", true));
  model.OnConnectionLost();
  model.OnConnected();
  EXPECT_EQ(model.frame().kind, ScreenKind::kNoData);
  EXPECT_FALSE(model.relay_on());
  Display(&model, Minimal("ended", false));
  EXPECT_EQ(model.frame().state, RoomState::kEnded);
}

TEST(SignModel, DisplaySaysOffline_OfflineScreenLampOff) {
  const SignModel model = Showing(R"({"v":1,"s":"offline","air":true,"m":"edge gone at 14:02"})");
  EXPECT_EQ(model.frame().kind, ScreenKind::kOffline);
  EXPECT_EQ(Lines(model.frame()), std::vector<std::string>{"edge gone at 14:02"});
  EXPECT_FALSE(model.relay_on());
}

TEST(SignModel, BadMessageAfterLive_BadDataAndLampOff) {
  SignModel model = Showing(Minimal("live", true));
  Display(&model, kNotReadyExample.substr(0, 60));
  EXPECT_EQ(model.frame().kind, ScreenKind::kInvalid);
  EXPECT_STREQ(model.frame().english, "BAD DATA");
  ASSERT_EQ(model.frame().line_count, 1);
  EXPECT_EQ(std::string(model.frame().lines[0]).rfind("display: byte ", 0), 0u) << model.frame().lines[0];
  EXPECT_STREQ(model.last_error(), model.frame().lines[0]);
  EXPECT_FALSE(model.relay_on());
  Display(&model, Minimal("live", true));  // a good message recovers
  EXPECT_EQ(model.frame().kind, ScreenKind::kRoom);
  EXPECT_TRUE(model.relay_on());
}

TEST(SignModel, OversizedMessage_BadDataAndLampOff) {
  SignModel model = Showing(Minimal("live", true));
  Display(&model, std::string(513, '{'));
  EXPECT_EQ(model.frame().kind, ScreenKind::kInvalid);
  EXPECT_STREQ(model.frame().lines[0], "display: message is 513 bytes; at most 512 are allowed");
  EXPECT_FALSE(model.relay_on());
}

TEST(SignModel, WrongTypeForAir_LampOff) {
  SignModel model = Showing(Minimal("live", true));
  Display(&model, R"({"v":1,"s":"live","air":"yes"})");
  EXPECT_EQ(model.frame().kind, ScreenKind::kInvalid);
  EXPECT_FALSE(model.relay_on());
}

TEST(SignModel, ClearedRetainedDisplay_NoDataAndLampOff) {
  SignModel model = Showing(Minimal("live", true));
  model.OnDisplayPayload("", 0);
  EXPECT_EQ(model.frame().kind, ScreenKind::kNoData);
  EXPECT_FALSE(model.relay_on());
}

TEST(SignModel, UnreadableStatus_DisplayDecidesAndErrorKept) {
  SignModel model = Showing(Minimal("live", true));
  Status(&model, kOfflineWill);
  Status(&model, R"({"status":)");
  EXPECT_EQ(model.frame().kind, ScreenKind::kRoom);
  EXPECT_TRUE(model.relay_on());
  EXPECT_NE(std::string(model.last_error()).find("status: "), std::string::npos);
}

TEST(SignModel, UnknownStateFromNewerEdge_ShownWithItsWords) {
  const SignModel model = Showing(R"({"v":1,"s":"cleaning","zh":"清洁中","en":"CLEANING","c":"fcc419","air":false})");
  EXPECT_EQ(model.frame().kind, ScreenKind::kRoom);
  EXPECT_EQ(model.frame().state, RoomState::kUnknown);
  EXPECT_STREQ(model.frame().chinese, "清洁中");
  EXPECT_EQ(model.frame().text, (Rgb{0, 0, 0}));  // dark text on yellow
}

TEST(SignModel, TitleOnlyOrHostOnly_NoSeparator) {
  EXPECT_EQ(Lines(Showing(R"({"v":1,"s":"booked","air":false,"t":"Autumn sale"})").frame()),
            std::vector<std::string>{"Autumn sale"});
  EXPECT_EQ(Lines(Showing(R"({"v":1,"s":"booked","air":false,"h":"李娜"})").frame()),
            std::vector<std::string>{"李娜"});
}

TEST(SignModel, Revision_ChangesOnlyWhenScreenChanges) {
  SignModel model = Showing(kNotReadyExample);
  const std::uint32_t r = model.revision();
  Display(&model, kNotReadyExample);  // the same retained message again
  Status(&model, kOnline);
  EXPECT_EQ(model.revision(), r);
  Display(&model, Minimal("ready", false));
  EXPECT_NE(model.revision(), r);
}

TEST(SignModel, LongestFields_LinesKeepWholeCharacters) {
  std::string title;
  std::string host;
  for (int i = 0; i < 60; ++i) title += "春";
  for (int i = 0; i < 30; ++i) host += "娜";
  const SignModel model = Showing(R"({"v":1,"s":"live","air":true,"t":")" + title + R"(","h":")" + host + "\"}");
  ASSERT_EQ(model.frame().line_count, 1);
  const std::string line = model.frame().lines[0];
  EXPECT_NE(line.find(" · "), std::string::npos);
  EXPECT_EQ(line.substr(line.size() - 3), "…");
}

TEST(HeapAllocations, NewExpression_Counted) {
  // Proves the counter the *_NeverAllocate tests rely on sees allocations at all.
  const std::size_t before = testing::HeapAllocations();
  auto* p = new std::string(100, 'x');
  const std::size_t after = testing::HeapAllocations();
  delete p;
  EXPECT_GE(after, before + 1);
}

TEST(SignModel, Updates_NeverAllocate) {
  const std::size_t before = testing::HeapAllocations();
  SignModel model;
  model.OnConnected();
  model.OnStatusPayload(kOnline.data(), kOnline.size());
  model.OnDisplayPayload(kNotReadyExample.data(), kNotReadyExample.size());
  model.OnStatusPayload(kOfflineWill.data(), kOfflineWill.size());
  model.OnDisplayPayload(kNotReadyExample.data(), 33);
  model.OnConnectionLost();
  EXPECT_EQ(testing::HeapAllocations(), before);
}

}  // namespace
}  // namespace liveroom::sign
