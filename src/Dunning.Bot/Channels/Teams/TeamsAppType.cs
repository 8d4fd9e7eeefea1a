namespace Dunning.Bot.Channels.Teams;

/// <summary>How the bot's Microsoft Entra app registration is scoped.</summary>
public enum TeamsAppType
{
    /// <summary>The app lives in one tenant (the only kind Azure creates for new bots); tokens come from that tenant.</summary>
    SingleTenant,

    /// <summary>Legacy multi-tenant registration; outbound tokens come from the botframework.com tenant.</summary>
    MultiTenant,
}
