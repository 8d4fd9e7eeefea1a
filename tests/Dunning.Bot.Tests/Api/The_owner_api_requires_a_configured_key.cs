using System.Net;
using System.Net.Http.Json;
using Dunning.Bot.Api;

namespace Dunning.Bot.Tests.Api;

public sealed class The_owner_api_requires_a_configured_key(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_request_without_a_key_gets_401_problem_json()
    {
        using var client = api.Anonymous();
        var response = await client.GetAsync("/api/v1/debtors");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(ApiKeys.HeaderName, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_key_gets_401()
    {
        using var client = api.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, ApiFixture.Key + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/debtors")).StatusCode);
    }

    [Fact]
    public async Task An_unauthenticated_write_changes_nothing_even_with_a_valid_body()
    {
        using var client = api.Anonymous();
        var response = await client.PutAsJsonAsync("/api/v1/debtors/ANON-1", new { name = "Intruder" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.GetAsync("/api/v1/debtors/ANON-1")).StatusCode);
    }

    [Fact]
    public async Task The_right_key_is_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/api/v1/debtors")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints_without_a_key()
    {
        using var client = api.Anonymous();
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/invoices/{number}/payments", document);
        Assert.Contains("/api/v1/debtors/{id}", document);
    }

    [Fact]
    public void Keys_are_matched_by_hash_and_a_new_key_is_never_its_own_hash()
    {
        var key = ApiKeys.NewKey();
        var entries = new[] { new ApiKeyEntry { Name = "a", Sha256 = ApiKeys.Hash("other") }, new ApiKeyEntry { Name = "b", Sha256 = ApiKeys.Hash(key) } };
        Assert.Equal("b", ApiKeys.Match(entries, key));
        Assert.Null(ApiKeys.Match(entries, ""));
        Assert.Null(ApiKeys.Match(entries, ApiKeys.Hash(key)));
    }
}
