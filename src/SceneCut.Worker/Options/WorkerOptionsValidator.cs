using Microsoft.Extensions.Options;

namespace SceneCut.Worker.Options;

/// <summary>Compile-time validator of the data annotations on <see cref="WorkerOptions"/>.</summary>
[OptionsValidator]
public sealed partial class WorkerOptionsValidator : IValidateOptions<WorkerOptions>;
