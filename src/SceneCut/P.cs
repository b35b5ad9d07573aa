namespace SceneCut; internal static class Placeholder {}
