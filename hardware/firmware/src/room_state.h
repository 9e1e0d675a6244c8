// The room states of src/Contracts/Payloads/Lifecycle/RoomStates.cs and the sign's built-in words and colours
// for each (used when a message leaves zh/en/c out, and for the states the sign derives itself).
#pragma once

#include "colour.h"

namespace liveroom::sign {

enum class RoomState {
  kFree,
  kBooked,
  kPreShow,
  kReady,
  kNotReady,
  kLive,
  kFault,
  kEnded,
  kOffline,
  kUnknown,  ///< a code this firmware does not know yet: drawn with the message's own words and colour
};

struct RoomStateInfo {
  RoomState state;
  const char* code;     ///< wire value of "s"
  const char* chinese;  ///< built-in state word
  const char* english;
  Rgb colour;           ///< built-in background
};

/// The state for a wire code ("not-ready"); kUnknown for anything else.
RoomState RoomStateFromCode(const char* code);

/// Built-in words and colour; for kUnknown: "?" words and grey.
const RoomStateInfo& InfoFor(RoomState state);

}  // namespace liveroom::sign
