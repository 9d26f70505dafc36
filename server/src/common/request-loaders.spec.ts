import { LoaderContribution, RequestLoaders, RequestLoadersFactory } from './request-loaders';

const contribution = (members: (loaders: RequestLoaders) => object): LoaderContribution => ({
  loadersFor: (loaders) => members(loaders),
});

describe('RequestLoadersFactory', () => {
  it("makes each request's loaders from every contribution, which may use each other's", async () => {
    const factory = new RequestLoadersFactory();
    factory.register(contribution(() => ({ first: () => Promise.resolve(1) })));
    factory.register(
      contribution((loaders) => ({
        second: async () =>
          1 + (await (loaders as unknown as { first(): Promise<number> }).first()),
      })),
    );
    const one = factory.create() as unknown as { second(): Promise<number> };
    expect(await one.second()).toBe(2);
    expect(factory.create()).not.toBe(one);
  });

  it('refuses two contexts contributing the same member', () => {
    const factory = new RequestLoadersFactory();
    factory.register(contribution(() => ({ same: 1 })));
    factory.register(contribution(() => ({ same: 2 })));
    expect(() => factory.create()).toThrow('Two contexts contribute the request loader same.');
  });
});
