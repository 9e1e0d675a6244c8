#include "utf8.h"

namespace liveroom::sign {

std::size_t Utf8SequenceLength(const unsigned char* data, std::size_t available) {
  if (available == 0) {
    return 0;
  }
  const unsigned char lead = data[0];
  if (lead < 0x80) {
    return 1;
  }
  std::size_t length;
  std::uint32_t cp;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07u;
  } else {
    return 0;  // continuation byte, overlong 2-byte lead (C0/C1) or F5..FF
  }
  if (available < length) {
    return 0;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if ((data[i] & 0xC0u) != 0x80u) {
      return 0;
    }
    cp = (cp << 6) | (data[i] & 0x3Fu);
  }
  if ((length == 3 && cp < 0x800u) || (length == 4 && cp < 0x10000u)) {
    return 0;  // overlong
  }
  if ((cp >= 0xD800u && cp <= 0xDFFFu) || cp > 0x10FFFFu) {
    return 0;
  }
  return length;
}

bool AppendCodePoint(std::uint32_t cp, char* out, std::size_t cap, std::size_t* used) {
  unsigned char bytes[4];
  std::size_t n;
  if (cp < 0x80u) {
    bytes[0] = static_cast<unsigned char>(cp);
    n = 1;
  } else if (cp < 0x800u) {
    bytes[0] = static_cast<unsigned char>(0xC0u | (cp >> 6));
    bytes[1] = static_cast<unsigned char>(0x80u | (cp & 0x3Fu));
    n = 2;
  } else if (cp < 0x10000u) {
    bytes[0] = static_cast<unsigned char>(0xE0u | (cp >> 12));
    bytes[1] = static_cast<unsigned char>(0x80u | ((cp >> 6) & 0x3Fu));
    bytes[2] = static_cast<unsigned char>(0x80u | (cp & 0x3Fu));
    n = 3;
  } else {
    bytes[0] = static_cast<unsigned char>(0xF0u | (cp >> 18));
    bytes[1] = static_cast<unsigned char>(0x80u | ((cp >> 12) & 0x3Fu));
    bytes[2] = static_cast<unsigned char>(0x80u | ((cp >> 6) & 0x3Fu));
    bytes[3] = static_cast<unsigned char>(0x80u | (cp & 0x3Fu));
    n = 4;
  }
  if (*used + n > cap) {
    return false;
  }
  for (std::size_t i = 0; i < n; ++i) {
    out[*used + i] = static_cast<char>(bytes[i]);
  }
  *used += n;
  return true;
}

bool IsValidUtf8(const char* text, std::size_t length) {
  const auto* p = reinterpret_cast<const unsigned char*>(text);
  std::size_t i = 0;
  while (i < length) {
    const std::size_t n = Utf8SequenceLength(p + i, length - i);
    if (n == 0) {
      return false;
    }
    i += n;
  }
  return true;
}

}  // namespace liveroom::sign
