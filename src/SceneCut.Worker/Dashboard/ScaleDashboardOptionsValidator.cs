using Microsoft.Extensions.Options;

namespace SceneCut.Worker.Dashboard;

/// <summary>Checks the data annotations of <see cref="ScaleDashboardOptions"/> at start (compile-time generated).</summary>
[OptionsValidator]
public sealed partial class ScaleDashboardOptionsValidator : IValidateOptions<ScaleDashboardOptions>;
