// A tiny bounded pull reader for one JSON object (RFC 8259), written for the door sign:
// no heap, no exceptions, no recursion deeper than kMaxDepth, every read bounded by the caller's buffer.
#pragma once

#include <cstddef>
#include <cstdint>

namespace liveroom::sign {

/// Where and why reading stopped. `what` is a static English phrase; `offset` is the byte where it was noticed.
struct JsonError {
  const char* what = nullptr;
  std::size_t offset = 0;
};

/// What a string read did to the text so the caller can report it; the text itself is always valid UTF-8.
struct StringStats {
  bool truncated = false;  ///< did not fit: cut on a character boundary and ended with "…"
  bool repaired = false;   ///< invalid UTF-8, a lone surrogate or a raw control character was replaced
};

enum class JsonKind { kString, kNumber, kObject, kArray, kTrue, kFalse, kNull, kEnd, kInvalid };

/// Reads one top-level object member by member. Usage: BeginObject, then NextMember until it reports no more
/// keys, reading or skipping each value, then End. Any false return leaves the reason in error().
class JsonReader {
 public:
  static constexpr int kMaxDepth = 16;

  JsonReader(const char* data, std::size_t length) : data_(data), length_(length) {}

  /// Skips a UTF-8 byte-order mark and white space, then expects '{'.
  bool BeginObject();

  /// Reads the next key into key[0..key_cap) (NUL-terminated). *has_key is false at the closing '}'.
  /// *key_fits is false when the key was longer than the buffer (it then matches no known key).
  bool NextMember(char* key, std::size_t key_cap, bool* key_fits, bool* has_key);

  /// The kind of the next value (after white space), without consuming it.
  JsonKind Peek();

  /// Reads a string value into out[0..cap) (cap >= 1, NUL-terminated, valid UTF-8, control characters as spaces).
  bool ReadString(char* out, std::size_t cap, StringStats* stats);

  /// Reads an integer number; a fraction, an exponent or a value outside int64 is an error.
  bool ReadInt(std::int64_t* value);

  bool ReadBool(bool* value);
  bool ReadNull();

  /// Skips any value, nested up to kMaxDepth levels, checking its syntax.
  bool SkipValue();

  /// True when only white space follows the object.
  bool End();

  const JsonError& error() const { return error_; }
  std::size_t offset() const { return pos_; }

 private:
  bool Fail(const char* what);
  void SkipWhitespace();
  bool Expect(char c, const char* what);
  bool ScanString(char* out, std::size_t cap, StringStats* stats);
  bool ReadHex4(std::uint32_t* value);
  bool ScanNumber(bool* is_integer, std::int64_t* value, bool* overflow);
  bool ScanLiteral(const char* word, std::size_t word_length);
  bool SkipValueAt(int depth);

  const char* data_;
  std::size_t length_;
  std::size_t pos_ = 0;
  bool first_member_ = true;
  JsonError error_{};
};

}  // namespace liveroom::sign
