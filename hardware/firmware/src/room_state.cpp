#include "room_state.h"

#include <cstring>

namespace liveroom::sign {
namespace {

// Words as on the kiosk door page (issue 6 item 4a); colours are fallbacks only: the edge's "c" wins.
constexpr RoomStateInfo kStates[] = {
    {RoomState::kFree, "free", "空闲", "FREE", {0x2f, 0x9e, 0x44}},
    {RoomState::kBooked, "booked", "已预约", "BOOKED", {0x19, 0x71, 0xc2}},
    {RoomState::kPreShow, "pre-show", "准备中", "PRE-SHOW", {0xf0, 0x8c, 0x00}},
    {RoomState::kReady, "ready", "就绪", "READY", {0x2f, 0x9e, 0x44}},
    {RoomState::kNotReady, "not-ready", "未就绪", "NOT READY", {0xe8, 0x59, 0x0c}},
    {RoomState::kLive, "live", "直播中", "ON AIR", {0xd1, 0x24, 0x2f}},
    {RoomState::kFault, "fault", "故障", "FAULT", {0xa6, 0x1e, 0x4d}},
    {RoomState::kEnded, "ended", "已结束", "ENDED", {0x49, 0x50, 0x57}},
    {RoomState::kOffline, "offline", "离线", "OFFLINE", {0x86, 0x8e, 0x96}},
};

constexpr RoomStateInfo kUnknownInfo = {RoomState::kUnknown, "", "?", "?", {0x86, 0x8e, 0x96}};

}  // namespace

RoomState RoomStateFromCode(const char* code) {
  for (const auto& info : kStates) {
    if (std::strcmp(info.code, code) == 0) {
      return info.state;
    }
  }
  return RoomState::kUnknown;
}

const RoomStateInfo& InfoFor(RoomState state) {
  for (const auto& info : kStates) {
    if (info.state == state) {
      return info;
    }
  }
  return kUnknownInfo;
}

}  // namespace liveroom::sign
