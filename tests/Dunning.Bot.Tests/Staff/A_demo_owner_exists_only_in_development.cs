using Dunning.Bot.Staff;
using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Staff;

/// <summary>The demo owner account is created once in Development and never elsewhere.</summary>
public sealed class A_demo_owner_exists_only_in_development
{
    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    [InlineData("Testing", false)]
    public async Task Only_development_gets_the_demo_owner(string environment, bool expected)
    {
        using var host = new BotHost(environment: environment);
        _ = host.BaseAddress;

        var owner = await host.Services.GetRequiredService<IStaffAccountStore>().FindAsync("owner", CancellationToken.None);

        Assert.Equal(expected, owner is { Role: StaffRole.Owner });
    }
}
