using Dunning.Bot.Channels.Teams;
using Microsoft.Extensions.Configuration;

namespace Dunning.Bot.Tests.Channels.Teams;

public sealed class Teams_options_are_checked_at_start_up
{
    private static TeamsOptions Complete() => new()
    {
        AppId = "9f7d3a2e-0000-4000-8000-00000000a1b2",
        AppPassword = "secret",
        TenantId = "11111111-2222-3333-4444-555555555555",
    };

    [Fact]
    public void Complete_single_tenant_options_have_no_problems() => Assert.Empty(Complete().Validate());

    [Fact]
    public void No_app_id_and_no_credential_means_authentication_off_and_is_valid()
    {
        var options = new TeamsOptions();

        Assert.True(options.AuthenticationDisabled);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void A_credential_without_an_app_id_is_reported()
    {
        var problem = Assert.Single(new TeamsOptions { AppPassword = "secret" }.Validate());

        Assert.Contains("Teams:AppId", problem);
    }

    [Fact]
    public void A_single_tenant_bot_without_a_tenant_id_is_reported_and_a_multi_tenant_one_is_not()
    {
        var single = Complete();
        single.TenantId = null;
        var multi = Complete();
        multi.TenantId = null;
        multi.AppType = TeamsAppType.MultiTenant;

        Assert.Contains("Teams:TenantId is required", Assert.Single(single.Validate()));
        Assert.Empty(multi.Validate());
    }

    [Fact]
    public void An_app_id_needs_exactly_one_credential()
    {
        var none = Complete();
        none.AppPassword = null;
        var two = Complete();
        two.CertificateThumbprint = "AB12";

        Assert.Contains("no credential", Assert.Single(none.Validate()));
        Assert.Contains("only one", Assert.Single(two.Validate()));
    }

    [Fact]
    public void A_missing_certificate_file_is_reported()
    {
        var options = Complete();
        options.AppPassword = null;
        options.CertificatePath = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.pfx");

        Assert.Contains("does not exist", Assert.Single(options.Validate()));
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration", "must use https")]
    [InlineData("not a url", "not an absolute URL")]
    [InlineData("", "not an absolute URL")]
    public void A_metadata_url_must_be_absolute_https(string url, string expected)
    {
        var options = Complete();
        options.OpenIdMetadataUrl = url;

        Assert.Contains(expected, Assert.Single(options.Validate()));
    }

    [Fact]
    public void Plain_http_is_accepted_on_loopback_only()
    {
        var options = Complete();
        options.OpenIdMetadataUrl = "http://127.0.0.1:5123/v1/.well-known/openidconfiguration";
        options.AuthorityHost = "http://localhost:5124";

        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("contoso/evil")]
    [InlineData("tenant id")]
    public void A_tenant_id_that_would_change_the_authority_path_is_reported(string tenant)
    {
        var options = Complete();
        options.TenantId = tenant;

        Assert.Contains(options.Validate(), p => p.Contains("is not a tenant id", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_or_huge_clock_skew_is_reported()
    {
        var negative = Complete();
        negative.AllowedClockSkew = TimeSpan.FromSeconds(-1);
        var huge = Complete();
        huge.AllowedClockSkew = TimeSpan.FromHours(2);

        Assert.Contains("AllowedClockSkew", Assert.Single(negative.Validate()));
        Assert.Contains("AllowedClockSkew", Assert.Single(huge.Validate()));
    }

    [Fact]
    public void The_options_validator_fails_with_every_problem()
    {
        var options = Complete();
        options.TenantId = null;
        options.AppPassword = null;

        var result = new TeamsOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
    }

    [Fact]
    public void The_authority_is_the_tenant_for_single_tenant_and_botframework_com_for_multi_tenant()
    {
        var options = Complete();
        Assert.Equal("https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555", options.Authority);

        options.AppType = TeamsAppType.MultiTenant;
        Assert.Equal("https://login.microsoftonline.com/botframework.com", options.Authority);
    }

    [Fact]
    public void Options_bind_from_the_Teams_section_with_their_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = "app",
            ["Teams:AppPassword"] = "pw",
            ["Teams:AppType"] = "MultiTenant",
            ["Teams:AllowedClockSkew"] = "00:02:00",
        }).Build();

        var options = configuration.GetSection(TeamsOptions.SectionName).Get<TeamsOptions>()!;

        Assert.Equal(TeamsAppType.MultiTenant, options.AppType);
        Assert.Equal(TimeSpan.FromMinutes(2), options.AllowedClockSkew);
        Assert.Equal(TeamsOptions.DefaultOpenIdMetadataUrl, options.OpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com/.default", options.OAuthScope);
        Assert.Empty(options.Validate());
    }
}
