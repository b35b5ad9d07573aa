using Npgsql;

namespace SceneCut.Worker.Tests.Scale;

/// <summary>A fresh database per test on the test cluster, so tests never see each other's jobs.</summary>
internal sealed class ScaleDatabase
{
    private ScaleDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<ScaleDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!;
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new ScaleDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public long Scalar(string sql) => ScalarAsync(sql).GetAwaiter().GetResult();
}
