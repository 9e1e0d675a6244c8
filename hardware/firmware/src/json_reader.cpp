#include "json_reader.h"

#include <cstring>

#include "utf8.h"

namespace liveroom::sign {
namespace {

constexpr char kEllipsis[] = "\xE2\x80\xA6";  // U+2026, 3 bytes
constexpr std::size_t kEllipsisLength = 3;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Writes one decoded code point if it fits in cap-1 bytes; otherwise marks the text truncated.
void Put(std::uint32_t cp, char* out, std::size_t cap, std::size_t* used, StringStats* stats) {
  if (stats->truncated || !AppendCodePoint(cp, out, cap - 1, used)) {
    stats->truncated = true;
  }
}

void PutBytes(const char* bytes, std::size_t n, char* out, std::size_t cap, std::size_t* used, StringStats* stats) {
  if (stats->truncated || *used + n > cap - 1) {
    stats->truncated = true;
    return;
  }
  std::memcpy(out + *used, bytes, n);
  *used += n;
}

/// Cuts whole characters off the end until "…" fits, then appends it.
void EndWithEllipsis(char* out, std::size_t cap, std::size_t* used) {
  if (cap - 1 < kEllipsisLength) {
    return;
  }
  while (*used + kEllipsisLength > cap - 1) {
    do {
      --*used;
    } while (*used > 0 && (static_cast<unsigned char>(out[*used]) & 0xC0u) == 0x80u);
  }
  std::memcpy(out + *used, kEllipsis, kEllipsisLength);
  *used += kEllipsisLength;
}

}  // namespace

bool JsonReader::Fail(const char* what) {
  if (error_.what == nullptr) {
    error_.what = what;
    error_.offset = pos_;
  }
  return false;
}

void JsonReader::SkipWhitespace() {
  while (pos_ < length_) {
    const char c = data_[pos_];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      return;
    }
    ++pos_;
  }
}

bool JsonReader::Expect(char c, const char* what) {
  SkipWhitespace();
  if (pos_ >= length_) {
    return Fail("message ends too early (truncated?)");
  }
  if (data_[pos_] != c) {
    return Fail(what);
  }
  ++pos_;
  return true;
}

bool JsonReader::BeginObject() {
  if (length_ >= 3 && std::memcmp(data_, "\xEF\xBB\xBF", 3) == 0) {
    pos_ = 3;
  }
  first_member_ = true;
  return Expect('{', "expected '{': the message must be a JSON object");
}

bool JsonReader::NextMember(char* key, std::size_t key_cap, bool* key_fits, bool* has_key) {
  SkipWhitespace();
  if (pos_ >= length_) {
    return Fail("message ends too early (truncated?)");
  }
  if (data_[pos_] == '}') {
    ++pos_;
    *has_key = false;
    return true;
  }
  if (!first_member_ && !Expect(',', "expected ',' or '}' after a value")) {
    return false;
  }
  SkipWhitespace();
  if (pos_ >= length_) {
    return Fail("message ends too early (truncated?)");
  }
  if (data_[pos_] == '}') {
    return Fail("trailing ',' before '}'");
  }
  if (data_[pos_] != '"') {
    return Fail("expected a key in double quotes");
  }
  StringStats stats;
  if (!ScanString(key, key_cap, &stats)) {
    return false;
  }
  *key_fits = !stats.truncated && !stats.repaired;
  if (!Expect(':', "expected ':' after a key")) {
    return false;
  }
  first_member_ = false;
  *has_key = true;
  return true;
}

JsonKind JsonReader::Peek() {
  SkipWhitespace();
  if (pos_ >= length_) {
    return JsonKind::kEnd;
  }
  switch (data_[pos_]) {
    case '"': return JsonKind::kString;
    case '{': return JsonKind::kObject;
    case '[': return JsonKind::kArray;
    case 't': return JsonKind::kTrue;
    case 'f': return JsonKind::kFalse;
    case 'n': return JsonKind::kNull;
    default: return (data_[pos_] == '-' || IsDigit(data_[pos_])) ? JsonKind::kNumber : JsonKind::kInvalid;
  }
}

bool JsonReader::ReadHex4(std::uint32_t* value) {
  if (length_ - pos_ < 4) {
    return Fail("message ends inside a \\u escape (truncated?)");
  }
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    const int h = HexValue(data_[pos_ + i]);
    if (h < 0) {
      return Fail("\\u must be followed by 4 hex digits");
    }
    v = (v << 4) | static_cast<std::uint32_t>(h);
  }
  pos_ += 4;
  *value = v;
  return true;
}

bool JsonReader::ScanString(char* out, std::size_t cap, StringStats* stats) {
  ++pos_;  // opening quote, checked by the caller
  std::size_t used = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(data_);
  while (true) {
    if (pos_ >= length_) {
      return Fail("message ends inside a string (truncated?)");
    }
    const unsigned char c = bytes[pos_];
    if (c == '"') {
      ++pos_;
      break;
    }
    if (c == '\\') {
      ++pos_;
      if (pos_ >= length_) {
        return Fail("message ends inside a string (truncated?)");
      }
      const char e = data_[pos_++];
      switch (e) {
        case '"': Put('"', out, cap, &used, stats); break;
        case '\\': Put('\\', out, cap, &used, stats); break;
        case '/': Put('/', out, cap, &used, stats); break;
        case 'b': case 'f': case 'n': case 'r': case 't': Put(' ', out, cap, &used, stats); break;
        case 'u': {
          std::uint32_t cp;
          if (!ReadHex4(&cp)) {
            return false;
          }
          if (cp >= 0xD800u && cp <= 0xDBFFu && length_ - pos_ >= 6 && data_[pos_] == '\\' && data_[pos_ + 1] == 'u') {
            const std::size_t save = pos_;
            pos_ += 2;
            std::uint32_t low;
            if (!ReadHex4(&low)) {
              return false;
            }
            if (low >= 0xDC00u && low <= 0xDFFFu) {
              cp = 0x10000u + ((cp - 0xD800u) << 10) + (low - 0xDC00u);
            } else {
              pos_ = save;  // not a pair: the high half is lone, the next escape is read on its own
            }
          }
          if (cp >= 0xD800u && cp <= 0xDFFFu) {
            stats->repaired = true;
            Put(kReplacement, out, cap, &used, stats);
          } else {
            Put(cp < 0x20u ? ' ' : cp, out, cap, &used, stats);
          }
          break;
        }
        default:
          --pos_;
          return Fail("unknown escape after '\\' in a string");
      }
      continue;
    }
    if (c < 0x20u) {
      stats->repaired = true;
      Put(' ', out, cap, &used, stats);
      ++pos_;
      continue;
    }
    const std::size_t n = Utf8SequenceLength(bytes + pos_, length_ - pos_);
    if (n == 0) {
      stats->repaired = true;
      Put(kReplacement, out, cap, &used, stats);
      ++pos_;
      continue;
    }
    PutBytes(data_ + pos_, n, out, cap, &used, stats);
    pos_ += n;
  }
  if (stats->truncated) {
    EndWithEllipsis(out, cap, &used);
  }
  out[used] = '\0';
  return true;
}

bool JsonReader::ReadString(char* out, std::size_t cap, StringStats* stats) {
  SkipWhitespace();
  if (pos_ >= length_) {
    return Fail("message ends too early (truncated?)");
  }
  if (data_[pos_] != '"') {
    return Fail("expected a string");
  }
  return ScanString(out, cap, stats);
}

}  // namespace liveroom::sign
