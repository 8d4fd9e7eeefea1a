using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dunning.Bot.Tests.EndToEnd;

namespace Dunning.Bot.Tests.Api;

/// <summary>The owner API keeps the contact person, salutation, preferred channel and e-mail copy of a debtor, and refuses nonsense.</summary>
public sealed class Debtor_contact_fields : IDisposable
{
    private readonly Infrastructure.BotHost host = EndToEndHost.Start(EndToEndHost.NewClock());

    [Fact]
    public async Task The_fields_are_stored_and_an_empty_string_clears_one()
    {
        using var http = Client();
        using var put = await http.PutAsJsonAsync("/api/v1/debtors/K-1", new
        {
            name = "Holzbau Weber KG", kind = "business", email = "weber@holzbau.test", contactPerson = "Weber", salutation = "Frau",
            preferredChannel = "email", alsoByEmail = true,
        });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using var clear = await http.PutAsJsonAsync("/api/v1/debtors/K-1", new { name = "Holzbau Weber KG", salutation = "" });
        var json = await clear.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Weber", json.GetProperty("contactPerson").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("salutation").ValueKind);
        Assert.Equal("email", json.GetProperty("preferredChannel").GetString());
        Assert.True(json.GetProperty("alsoByEmail").GetBoolean());
    }

    [Theory]
    [InlineData("{\"name\":\"X\",\"preferredChannel\":\"fax\"}")]
    [InlineData("{\"name\":\"X\",\"salutation\":\"Frau\\nHerr\"}")]
    public async Task An_unknown_channel_or_a_salutation_with_a_line_break_is_refused_and_nothing_is_stored(string body)
    {
        using var http = Client();
        using var put = await http.PutAsync(new Uri("/api/v1/debtors/K-2", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        using var get = await http.GetAsync(new Uri("/api/v1/debtors/K-2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    private HttpClient Client()
    {
        var http = host.CreateHttpClient();
        http.DefaultRequestHeaders.Add(Dunning.Bot.Api.ApiKeys.HeaderName, EndToEndHost.ApiKey);
        return http;
    }

    public void Dispose() => host.Dispose();
}
