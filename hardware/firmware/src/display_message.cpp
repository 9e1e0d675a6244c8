#include "display_message.h"

#include <cstdio>
#include <cstring>

#include "json_reader.h"

namespace liveroom::sign {
namespace {

enum KeyBit : unsigned {
  kV = 1u << 0,
  kS = 1u << 1,
  kZh = 1u << 2,
  kEn = 1u << 3,
  kC = 1u << 4,
  kT = 1u << 5,
  kH = 1u << 6,
  kW = 1u << 7,
  kN = 1u << 8,
  kM = 1u << 9,
  kAir = 1u << 10,
  kTs = 1u << 11,
};

struct KeyName {
  const char* name;
  unsigned bit;
};

constexpr KeyName kKeys[] = {{"v", kV},   {"s", kS}, {"zh", kZh}, {"en", kEn}, {"c", kC},     {"t", kT},
                             {"h", kH},   {"w", kW}, {"n", kN},   {"m", kM},   {"air", kAir}, {"ts", kTs}};

unsigned KeyBitFor(const char* key) {
  for (const auto& k : kKeys) {
    if (std::strcmp(k.name, key) == 0) {
      return k.bit;
    }
  }
  return 0;
}

void SetReaderError(const char* topic, const JsonReader& reader, const char* key, char* error, std::size_t cap) {
  if (cap == 0) {
    return;
  }
  const char* what = reader.error().what != nullptr ? reader.error().what : "invalid JSON";
  const auto at = static_cast<unsigned>(reader.error().offset);
  if (key != nullptr) {
    std::snprintf(error, cap, "%s: key '%s' at byte %u: %s", topic, key, at, what);
  } else {
    std::snprintf(error, cap, "%s: byte %u: %s", topic, at, what);
  }
}

bool CheckSize(const char* topic, const char* data, std::size_t length, char* error, std::size_t cap) {
  if (length == 0 || data == nullptr) {
    std::snprintf(error, cap, "%s: empty message (the retained message was cleared)", topic);
    return false;
  }
  if (length > kMaxMessageBytes) {
    std::snprintf(error, cap, "%s: message is %u bytes; at most %u are allowed", topic, static_cast<unsigned>(length),
                  static_cast<unsigned>(kMaxMessageBytes));
    return false;
  }
  return true;
}

/// A string or null (null leaves out = "" and *present = false); anything else is an error.
bool ReadOptionalString(JsonReader* reader, char* out, std::size_t cap, DisplayMessage* msg, bool* present) {
  out[0] = '\0';
  *present = false;
  if (reader->Peek() == JsonKind::kNull) {
    return reader->ReadNull();
  }
  StringStats stats;
  if (!reader->ReadString(out, cap, &stats)) {
    return false;
  }
  msg->truncated = msg->truncated || stats.truncated;
  msg->repaired = msg->repaired || stats.repaired;
  *present = true;
  return true;
}

bool ReadKnownValue(JsonReader* reader, unsigned bit, DisplayMessage* msg, bool* present) {
  *present = true;
  switch (bit) {
    case kV: return reader->ReadInt(&msg->version);
    case kTs:
      if (reader->Peek() == JsonKind::kNull) {
        *present = false;
        return reader->ReadNull();
      }
      return reader->ReadInt(&msg->ts);
    case kAir:
      if (reader->Peek() == JsonKind::kNull) {
        *present = false;
        return reader->ReadNull();
      }
      return reader->ReadBool(&msg->on_air);
    case kS: return ReadOptionalString(reader, msg->code, sizeof msg->code, msg, present);
    case kZh: return ReadOptionalString(reader, msg->chinese, sizeof msg->chinese, msg, present);
    case kEn: return ReadOptionalString(reader, msg->english, sizeof msg->english, msg, present);
    case kT: return ReadOptionalString(reader, msg->title, sizeof msg->title, msg, present);
    case kH: return ReadOptionalString(reader, msg->host, sizeof msg->host, msg, present);
    case kW: return ReadOptionalString(reader, msg->when, sizeof msg->when, msg, present);
    case kN: return ReadOptionalString(reader, msg->next, sizeof msg->next, msg, present);
    case kM: return ReadOptionalString(reader, msg->message, sizeof msg->message, msg, present);
    case kC: {
      char text[16];
      if (!ReadOptionalString(reader, text, sizeof text, msg, present)) {
        return false;
      }
      msg->colour_from_message = *present && ParseHexColour(text, &msg->colour);
      return true;
    }
    default: return reader->SkipValue();
  }
}

}  // namespace

bool ParseDisplayMessage(const char* data, std::size_t length, DisplayMessage* out, char* error, std::size_t error_cap) {
  constexpr const char* kTopic = "display";
  *out = DisplayMessage{};
  if (!CheckSize(kTopic, data, length, error, error_cap)) {
    return false;
  }
  JsonReader reader(data, length);
  if (!reader.BeginObject()) {
    SetReaderError(kTopic, reader, nullptr, error, error_cap);
    return false;
  }
  unsigned seen = 0;
  unsigned present_keys = 0;
  while (true) {
    char key[8];
    bool key_fits = false;
    bool has_key = false;
    if (!reader.NextMember(key, sizeof key, &key_fits, &has_key)) {
      SetReaderError(kTopic, reader, nullptr, error, error_cap);
      return false;
    }
    if (!has_key) {
      break;
    }
    const unsigned bit = key_fits ? KeyBitFor(key) : 0;
    if (bit != 0 && (seen & bit) != 0) {
      std::snprintf(error, error_cap, "%s: key '%s' appears twice", kTopic, key);
      return false;
    }
    seen |= bit;
    bool present = false;
    if (!ReadKnownValue(&reader, bit, out, &present)) {
      SetReaderError(kTopic, reader, bit != 0 ? key : nullptr, error, error_cap);
      return false;
    }
    if (present) {
      present_keys |= bit;
    }
  }
  if (!reader.End()) {
    SetReaderError(kTopic, reader, nullptr, error, error_cap);
    return false;
  }
  if ((present_keys & kV) == 0) {
    std::snprintf(error, error_cap, "%s: key 'v' (schema version) is missing", kTopic);
    return false;
  }
  if (out->version != kSchemaVersion) {
    std::snprintf(error, error_cap, "%s: schema version %lld is not supported (this sign reads %lld)", kTopic,
                  static_cast<long long>(out->version), static_cast<long long>(kSchemaVersion));
    return false;
  }
  if ((present_keys & kS) == 0 || out->code[0] == '\0') {
    std::snprintf(error, error_cap, "%s: key 's' (state) is missing or empty", kTopic);
    return false;
  }
  if ((present_keys & kAir) == 0) {
    std::snprintf(error, error_cap, "%s: key 'air' (ON-AIR lamp) is missing", kTopic);
    return false;
  }
  out->state = RoomStateFromCode(out->code);
  const RoomStateInfo& info = InfoFor(out->state);
  if (out->chinese[0] == '\0') {
    std::snprintf(out->chinese, sizeof out->chinese, "%s", out->state == RoomState::kUnknown ? "?" : info.chinese);
  }
  if (out->english[0] == '\0') {
    // An unknown state without words shows its code, so a newer edge still says something sensible.
    std::snprintf(out->english, sizeof out->english, "%s", out->state == RoomState::kUnknown ? out->code : info.english);
  }
  if (!out->colour_from_message) {
    out->colour = info.colour;
  }
  return true;
}

bool ParseStatusMessage(const char* data, std::size_t length, EdgeStatus* out, char* error, std::size_t error_cap) {
  constexpr const char* kTopic = "status";
  if (!CheckSize(kTopic, data, length, error, error_cap)) {
    return false;
  }
  JsonReader reader(data, length);
  if (!reader.BeginObject()) {
    SetReaderError(kTopic, reader, nullptr, error, error_cap);
    return false;
  }
  char status[16] = {};
  bool found = false;
  while (true) {
    char key[8];
    bool key_fits = false;
    bool has_key = false;
    if (!reader.NextMember(key, sizeof key, &key_fits, &has_key)) {
      SetReaderError(kTopic, reader, nullptr, error, error_cap);
      return false;
    }
    if (!has_key) {
      break;
    }
    if (key_fits && std::strcmp(key, "status") == 0) {
      if (found) {
        std::snprintf(error, error_cap, "%s: key 'status' appears twice", kTopic);
        return false;
      }
      StringStats stats;
      if (!reader.ReadString(status, sizeof status, &stats)) {
        SetReaderError(kTopic, reader, "status", error, error_cap);
        return false;
      }
      found = true;
    } else if (!reader.SkipValue()) {
      SetReaderError(kTopic, reader, nullptr, error, error_cap);
      return false;
    }
  }
  if (!reader.End()) {
    SetReaderError(kTopic, reader, nullptr, error, error_cap);
    return false;
  }
  if (!found) {
    std::snprintf(error, error_cap, "%s: key 'status' is missing", kTopic);
    return false;
  }
  if (std::strcmp(status, "online") == 0) {
    *out = EdgeStatus::kOnline;
  } else if (std::strcmp(status, "offline") == 0) {
    *out = EdgeStatus::kOffline;
  } else {
    std::snprintf(error, error_cap, "%s: unknown status '%s' (expected online or offline)", kTopic, status);
    return false;
  }
  return true;
}

}  // namespace liveroom::sign
