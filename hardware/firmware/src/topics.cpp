#include "topics.h"

#include <cstring>

namespace liveroom::sign {
namespace {

bool IsAsciiLetterOrDigit(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool Append(const char* part, char* out, std::size_t cap, std::size_t* used) {
  const std::size_t n = std::strlen(part);
  if (*used + n + 1 > cap) {
    return false;
  }
  std::memcpy(out + *used, part, n);
  *used += n;
  out[*used] = '\0';
  return true;
}

}  // namespace

bool IsValidIdentifier(const char* value) {
  if (value == nullptr || !IsAsciiLetterOrDigit(value[0])) {
    return false;
  }
  std::size_t n = 0;
  for (; value[n] != '\0'; ++n) {
    const char c = value[n];
    if (n >= 64 || !(IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
      return false;
    }
  }
  return true;
}

bool BuildRoomTopic(const char* site, const char* room, const char* channel, char* out, std::size_t cap) {
  if (cap == 0) {
    return false;
  }
  out[0] = '\0';
  std::size_t used = 0;
  const bool ok = IsValidIdentifier(site) && IsValidIdentifier(room) && channel != nullptr &&
                  Append("liveroom/v1/", out, cap, &used) && Append(site, out, cap, &used) &&
                  Append("/", out, cap, &used) && Append(room, out, cap, &used) && Append("/", out, cap, &used) &&
                  Append(channel, out, cap, &used);
  if (!ok) {
    out[0] = '\0';
  }
  return ok;
}

}  // namespace liveroom::sign
