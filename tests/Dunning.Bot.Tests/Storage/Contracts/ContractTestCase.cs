using Dunning.Bot.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>A contract fact on one provider; skipped (outside CI) when that provider's server cannot run here.</summary>
public sealed class ContractTestCase : XunitTestCase
{
    private bool needsPostgres;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ContractTestCase()
    {
    }

    public ContractTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, bool needsPostgres)
        : base(sink, display, options, method)
    {
        this.needsPostgres = needsPostgres;
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) =>
        needsPostgres && PostgresServer.SkipReason() is { } reason ? reason : base.GetSkipReason(factAttribute);

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("NeedsPostgres", needsPostgres);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        needsPostgres = data.GetValue<bool>("NeedsPostgres");
        base.Deserialize(data);
    }
}
