using System.Collections.Concurrent;
using System.Net;

namespace Dunning.Bot.Tests.Fuzzing;

/// <summary>
/// Sends many generated requests over loopback, a few at a time, and checks each answer: never a 5xx, always a 4xx
/// (the inputs are invalid by construction). Failures keep the input that caused them.
/// </summary>
internal static class FuzzRun
{
    public const int Inputs = 10_000;
    private const int Parallel = 8;

    /// <summary>Runs <see cref="Inputs"/> requests made by <paramref name="request"/> from the generator's inputs (in order); returns the status counts.</summary>
    public static async Task<IReadOnlyDictionary<HttpStatusCode, int>> RunAsync(HttpClient http, HostileInputs inputs,
        Func<int, HostileInput, HttpRequestMessage> request)
    {
        var counts = new ConcurrentDictionary<HttpStatusCode, int>();
        var wrong = new ConcurrentQueue<string>();
        using var gate = new SemaphoreSlim(Parallel);
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, Inputs).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                // Made when sent, in order: the large inputs are not all held at once.
                (int Index, HostileInput Input) item;
                lock (inputs)
                    item = (next++, inputs.Next());
                using var message = request(item.Index, item.Input);
                using var response = await http.SendAsync(message);
                counts.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                if ((int)response.StatusCode is < 400 or >= 500)
                    wrong.Enqueue($"{(int)response.StatusCode} for #{item.Index} {message.Method} {message.RequestUri} {item.Input}");
            }
            finally
            {
                gate.Release();
            }
        }));
        Assert.True(wrong.IsEmpty, $"{wrong.Count} answers were not 4xx, e.g.:\n{string.Join("\n", wrong.Take(5))}");
        Assert.Equal(Inputs, counts.Values.Sum());
        return counts;
    }
}
