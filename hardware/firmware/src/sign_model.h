// What the door sign shows and whether its ON-AIR relay is closed, from three inputs: the broker connection,
// the edge's `status` (its last will says offline) and the retained `display` message. Portable, no heap.
#pragma once

#include <cstddef>
#include <cstdint>

#include "colour.h"
#include "display_message.h"
#include "room_state.h"

namespace liveroom::sign {

enum class ScreenKind {
  kRoom,     ///< a valid display message from an edge that is not known to be offline
  kOffline,  ///< no broker connection, the edge's last will, or a display message that says offline
  kNoData,   ///< connected, but no display message (yet, or the retained one was cleared)
  kInvalid,  ///< the last display message could not be read: the error is on the ticker
};

/// Lines for the ticker under the state word, most urgent first.
constexpr int kMaxLines = 4;
constexpr std::size_t kLineCapacity = 240;

/// One complete screen. Pointers refer to the model's own storage and stay valid until its next update.
struct Frame {
  ScreenKind kind = ScreenKind::kOffline;
  RoomState state = RoomState::kOffline;
  const char* chinese = "";
  const char* english = "";
  Rgb background{};
  Rgb text{};
  const char* lines[kMaxLines] = {};
  int line_count = 0;
  bool relay_on = false;  ///< ON-AIR lamp: only for a valid message with "air":true while connected and online
};

class SignModel {
 public:
  SignModel();

  /// Connected and subscribed: forget status and display, since the broker sends the retained ones again.
  void OnConnected();

  /// Broker (or Wi-Fi) connection lost: the sign cannot know the room any more.
  void OnConnectionLost();

  void OnDisplayPayload(const char* data, std::size_t length);
  void OnStatusPayload(const char* data, std::size_t length);

  const Frame& frame() const { return frame_; }
  bool relay_on() const { return frame_.relay_on; }

  /// Increases whenever frame() changed in content: redraw when it differs from the last drawn one.
  std::uint32_t revision() const { return revision_; }

  /// The most recent error reading a payload ("" when none since the last connect).
  const char* last_error() const { return error_; }

 private:
  void Rebuild();
  void SetLine(int index, const char* a, const char* b, const char* c);

  bool connected_ = false;
  EdgeStatus edge_ = EdgeStatus::kUnknown;
  bool have_display_ = false;
  bool display_invalid_ = false;
  DisplayMessage display_{};
  DisplayMessage scratch_{};
  char error_[kErrorCapacity] = {};
  char display_error_[kErrorCapacity] = {};
  char lines_[kMaxLines][kLineCapacity] = {};
  Frame frame_{};
  std::uint32_t revision_ = 0;
};

}  // namespace liveroom::sign
