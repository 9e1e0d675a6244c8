using System.Text;
using System.Text.Json;

namespace LiveRoom.Ingest.Security;

/// <summary>
/// The same accounts and rules as mosquitto's dynamic-security plugin config (plugin_opt_config_file).
/// Unlike acl_file in mosquitto 2.0, the plugin also checks subscriptions, so a room user subscribing to
/// <c>#</c> gets SUBACK 0x87. Written with <see cref="Utf8JsonWriter"/> (no reflection).
/// </summary>
internal static class DynamicSecurityConfig
{
    public static string Build(IEnumerable<BrokerUser> users)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("defaultACLAccess");
            json.WriteBoolean("publishClientSend", false);
            json.WriteBoolean("publishClientReceive", false);
            json.WriteBoolean("subscribe", false);
            json.WriteBoolean("unsubscribe", true);
            json.WriteEndObject();

            json.WriteStartArray("clients");
            foreach (var user in users)
            {
                json.WriteStartObject();
                json.WriteString("username", user.UserName);
                json.WriteString("password", Convert.ToBase64String(user.Hash));
                json.WriteString("salt", Convert.ToBase64String(user.Salt));
                json.WriteNumber("iterations", MosquittoPasswordHash.Iterations);
                json.WriteStartArray("roles");
                json.WriteStartObject();
                json.WriteString("rolename", AccountRules.RoleName(user));
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("groups");
            json.WriteEndArray();

            json.WriteStartArray("roles");
            foreach (var user in users)
            {
                json.WriteStartObject();
                json.WriteString("rolename", AccountRules.RoleName(user));
                json.WriteStartArray("acls");
                var grants = AccountRules.For(user);

                // Sends first, then receive + subscribe per read filter: the order edge and collector roles always had.
                foreach (var grant in grants.Where(g => g.Write))
                {
                    Acl(json, "publishClientSend", grant.Filter);
                }

                foreach (var grant in grants.Where(g => g.Read))
                {
                    Acl(json, "publishClientReceive", grant.Filter);
                    Acl(json, "subscribePattern", grant.Filter);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Acl(Utf8JsonWriter json, string type, string topic)
    {
        json.WriteStartObject();
        json.WriteString("acltype", type);
        json.WriteString("topic", topic);
        json.WriteNumber("priority", 0);
        json.WriteBoolean("allow", true);
        json.WriteEndObject();
    }
}
