using Dunning.Bot.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>Discovers <see cref="ContractFactAttribute"/> facts, skipping them on PostgreSQL subclasses where PostgreSQL cannot run.</summary>
public sealed class ContractFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsPostgres = typeof(INeedPostgres).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType());
        yield return new ContractTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(),
            testMethod, needsPostgres);
    }
}
