using Microsoft.IdentityModel.Tokens;

namespace Dunning.Bot.Channels.Teams;

/// <summary>A published signing key and the channel ids it endorses (empty for keys that carry no endorsements).</summary>
internal sealed record SigningKey(JsonWebKey Key, IReadOnlySet<string> Endorsements);
