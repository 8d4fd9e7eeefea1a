namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>PostgreSQL serves every connection at once: the sweep may commit one page while it reads the next.</summary>
public sealed class PostgreSqlStorageCapabilities : IStorageCapabilities
{
    public bool CommitsOverlapReads => true;
}
