#include "sign_model.h"

#include <cstdio>
#include <cstring>

namespace liveroom::sign {
namespace {

// Every composed line fits whole, so snprintf never cuts a UTF-8 character in two.
static_assert(sizeof(DisplayMessage::title) + sizeof(" · ") + sizeof(DisplayMessage::host) <= kLineCapacity, "title line");
static_assert(sizeof("下一场 NEXT ") + sizeof(DisplayMessage::next) <= kLineCapacity, "next line");
static_assert(kErrorCapacity <= kLineCapacity, "error line");

constexpr Rgb kNoDataColour = {0x34, 0x3a, 0x40};
constexpr Rgb kInvalidColour = {0x5f, 0x3d, 0xc4};

bool SameText(const char* a, const char* b) { return std::strcmp(a == nullptr ? "" : a, b == nullptr ? "" : b) == 0; }

bool SameFrame(const Frame& a, const Frame& b) {
  if (a.kind != b.kind || a.state != b.state || a.background != b.background || a.text != b.text ||
      a.line_count != b.line_count || a.relay_on != b.relay_on || !SameText(a.chinese, b.chinese) ||
      !SameText(a.english, b.english)) {
    return false;
  }
  for (int i = 0; i < a.line_count; ++i) {
    if (!SameText(a.lines[i], b.lines[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace

SignModel::SignModel() { Rebuild(); }

void SignModel::OnConnected() {
  connected_ = true;
  edge_ = EdgeStatus::kUnknown;
  have_display_ = false;
  display_invalid_ = false;
  error_[0] = '\0';
  Rebuild();
}

void SignModel::OnConnectionLost() {
  connected_ = false;
  Rebuild();
}

void SignModel::OnDisplayPayload(const char* data, std::size_t length) {
  if (ParseDisplayMessage(data, length, &scratch_, display_error_, sizeof display_error_)) {
    display_ = scratch_;
    have_display_ = true;
    display_invalid_ = false;
  } else if (length == 0) {
    // A cleared retained message: the room no longer has a display, which is not an error in the message.
    have_display_ = false;
    display_invalid_ = false;
    std::snprintf(error_, sizeof error_, "%s", display_error_);
  } else {
    // Never keep showing an older message (or its lamp) once a newer one could not be read.
    display_invalid_ = true;
    std::snprintf(error_, sizeof error_, "%s", display_error_);
  }
  Rebuild();
}

void SignModel::OnStatusPayload(const char* data, std::size_t length) {
  EdgeStatus status;
  char error[kErrorCapacity];
  if (ParseStatusMessage(data, length, &status, error, sizeof error)) {
    edge_ = status;
  } else {
    // Unreadable or cleared: the edge's state is unknown again, the display message alone decides.
    edge_ = EdgeStatus::kUnknown;
    std::snprintf(error_, sizeof error_, "%s", error);
  }
  Rebuild();
}

void SignModel::SetLine(int index, const char* a, const char* b, const char* c) {
  std::snprintf(lines_[index], kLineCapacity, "%s%s%s", a, b, c);
  frame_.lines[index] = lines_[index];
}

void SignModel::Rebuild() {
  const Frame before = frame_;
  // Copy the old lines so the comparison below is not fooled by rewriting the buffers in place.
  char old_lines[kMaxLines][kLineCapacity];
  Frame old = before;
  for (int i = 0; i < before.line_count; ++i) {
    std::snprintf(old_lines[i], kLineCapacity, "%s", before.lines[i]);
    old.lines[i] = old_lines[i];
  }

  Frame f{};
  frame_ = f;
  int n = 0;
  const bool message_offline = have_display_ && !display_invalid_ && display_.state == RoomState::kOffline;
  if (!connected_ || edge_ == EdgeStatus::kOffline || message_offline) {
    const RoomStateInfo& info = InfoFor(RoomState::kOffline);
    frame_.kind = ScreenKind::kOffline;
    frame_.state = RoomState::kOffline;
    frame_.chinese = info.chinese;
    frame_.english = info.english;
    frame_.background = info.colour;
    if (!connected_) {
      SetLine(n++, "no connection to the MQTT broker", "", "");
    } else if (edge_ == EdgeStatus::kOffline) {
      SetLine(n++, "room edge offline", "", "");
    } else if (display_.message[0] != '\0') {
      SetLine(n++, display_.message, "", "");
    }
  } else if (display_invalid_) {
    frame_.kind = ScreenKind::kInvalid;
    frame_.state = RoomState::kUnknown;
    frame_.chinese = "数据错误";
    frame_.english = "BAD DATA";
    frame_.background = kInvalidColour;
    SetLine(n++, display_error_, "", "");
  } else if (!have_display_) {
    frame_.kind = ScreenKind::kNoData;
    frame_.state = RoomState::kUnknown;
    frame_.chinese = "无数据";
    frame_.english = "NO DATA";
    frame_.background = kNoDataColour;
    SetLine(n++, "waiting for the room's display message", "", "");
  } else {
    frame_.kind = ScreenKind::kRoom;
    frame_.state = display_.state;
    frame_.chinese = display_.chinese;
    frame_.english = display_.english;
    frame_.background = display_.colour;
    frame_.relay_on = display_.on_air;
    if (display_.message[0] != '\0') {
      SetLine(n++, display_.message, "", "");
    }
    if (display_.title[0] != '\0' || display_.host[0] != '\0') {
      const bool both = display_.title[0] != '\0' && display_.host[0] != '\0';
      SetLine(n++, display_.title, both ? " · " : "", display_.host);
    }
    if (display_.when[0] != '\0') {
      SetLine(n++, display_.when, "", "");
    }
    if (display_.next[0] != '\0') {
      SetLine(n++, "下一场 NEXT ", display_.next, "");
    }
  }
  frame_.line_count = n;
  frame_.text = TextColourOn(frame_.background);
  if (!SameFrame(old, frame_)) {
    ++revision_;
  }
}

}  // namespace liveroom::sign
