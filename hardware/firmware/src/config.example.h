// Copy to config.h (ignored by git) and fill in for one room. One sign per room; see hardware/README.md "Configuration".
#pragma once

// Wi-Fi (2.4 GHz; put signs on the studio's device VLAN that reaches only the MQTT broker).
#define SIGN_WIFI_SSID "studio-devices"
#define SIGN_WIFI_PASSWORD "change-me"

// The room: the same site and room identifiers as the room's edge (letters, digits, '-', '_', '.').
#define SIGN_SITE "shanghai"
#define SIGN_ROOM "room-01"

// Broker: the name must match the broker certificate's name when TLS is on.
#define SIGN_MQTT_HOST "mqtt.studio.lan"
#define SIGN_MQTT_PORT 8883
#define SIGN_MQTT_USE_TLS 1
// The sign's own read-only account (sign-<site>-<room>, see README "Broker account"), not the edge's.
#define SIGN_MQTT_USER "sign-shanghai-room-01"
#define SIGN_MQTT_PASSWORD "change-me"

// PEM of the CA that signed the broker certificate (the same CA file the edges use as Probe:Mqtt:CaFile).
static const char kSignCaPem[] = R"PEM(
-----BEGIN CERTIFICATE-----
...paste the CA certificate here...
-----END CERTIFICATE-----
)PEM";

// Optional NTP server on the LAN (certificate dates are only checked once the clock is set).
#define SIGN_NTP_SERVER "ntp.studio.lan"

// ON-AIR relay: a GPIO that is not a boot strapping pin (not 0, 2, 5, 12, 15) and not used by the HUB75 panel (README pin table), and the level that closes it.
#define SIGN_RELAY_PIN 33
#define SIGN_RELAY_ACTIVE_HIGH 1

// LED panel brightness 0..255 (about 90 is enough indoors and keeps the 5 V supply current down).
#define SIGN_PANEL_BRIGHTNESS 90
